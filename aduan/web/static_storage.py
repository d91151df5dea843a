"""Static files under hashed names (site.3f2a….css), gzip-compressed, which WhiteNoise serves with
a year's cache: a new release has new names, so nobody keeps an old stylesheet.

`aduan setup` runs collectstatic. A file that was never collected (a checkout not set up again, a
server started on another variable directory) is linked by its plain name, which WhiteNoise serves
from the app's sources with its short cache, rather than failing the page."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:  # not collected: no file to hash
            return name
