# The shared fixtures of tests/fixtures/org.py. Imported rather than named in `pytest_plugins`:
# pytest refuses `pytest_plugins` in a conftest below the rootdir when the whole tree is collected.
from tests.fixtures.org import api_as, lodge, officer, org  # noqa: F401
