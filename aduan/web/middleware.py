"""Indonesian first: the browser's Accept-Language never switches the language.

Many citizens' phones are set to English, but the service speaks Indonesian unless the person
chooses English with the switch in the header (Django's set_language, kept in the language cookie).
Placed before LocaleMiddleware, this drops the header so only that explicit choice counts.
"""


class IgnoreAcceptLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
