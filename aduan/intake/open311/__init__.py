"""Open311 GeoReport v2 at /open311/v2/: our topics as services, complaints as service requests.

https://wiki.open311.org/GeoReport_v2/ — JSON and XML, errors as [{"code", "description"}].
"""
