"""Static files under hashed names (site.3f2a….css), gzip-compressed, which WhiteNoise
serves with a year's cache: a new release has new names, so nobody keeps an old stylesheet.

`aduan setup` runs collectstatic. A file missing from the manifest (a checkout that has not been
set up again) falls back to its plain name, served with WhiteNoise's short cache, rather than
failing the page."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False
