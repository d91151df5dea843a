"""API tokens for officers and channel integrations. Only a hash of each token is stored."""

import copy
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aduan.memo import memoized

PREFIX = "adb_"
# Tokens in use are remembered per process (aduan/memo.py): a revoked token or a deactivated user
# is refused at once by the process that made the change and within CACHE_SECONDS by the others.
_last_use_written: dict[int, object] = {}


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def authenticate(self, raw: str):
        if not raw.startswith(PREFIX):
            return None
        token = _live_token(hash_token(raw))
        if token is None or not token.user.is_active:
            return None
        # At most one write a minute per token: the audit needs the day, not every request.
        now = timezone.now()
        last = _last_use_written.get(token.pk) or token.last_used_at
        if last is None or now - last > timezone.timedelta(minutes=1):
            type(token).objects.filter(pk=token.pk).update(last_used_at=now)
            _last_use_written[token.pk] = now
        # Each request gets its own copies: what a request caches on its user stays its own.
        token = copy.copy(token)
        token.user = copy.copy(token.user)
        return token


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12, help_text="The first characters, to tell tokens apart.")
    scopes = models.JSONField(default=list, blank=True, help_text="Empty: everything the user's roles allow.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = pgettext_lazy("plural", "token API")

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, user, name: str, scopes: list[str] | None = None) -> tuple["ApiToken", str]:
        raw = PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=hash_token(raw), hint=raw[:10], scopes=scopes or [])
        return token, raw


@memoized(models=[ApiToken, settings.AUTH_USER_MODEL])
def _live_token(key_hash: str) -> ApiToken | None:
    return ApiToken.objects.select_related("user").filter(key_hash=key_hash, revoked_at__isnull=True).first()
