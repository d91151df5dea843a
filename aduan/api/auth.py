from ninja.security import HttpBearer

from aduan.accounts.models import ApiToken


class BearerToken(HttpBearer):
    """`Authorization: Bearer adb_…` — officers' and integrations' tokens (`aduan token USERNAME`)."""

    def authenticate(self, request, token: str):
        api_token = ApiToken.objects.authenticate(token)
        if api_token is None:
            return None
        request.user = api_token.user
        request.api_token = api_token
        return api_token
