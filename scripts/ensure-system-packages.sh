#!/usr/bin/env bash
# Install the Debian packages the test suite needs, but only those that are missing.
#
#   python3-venv            `python3 -m venv` (make creates .venv)
#   postgresql-15           server binaries for scripts/with-postgres.sh (or `postgresql`)
#   chromium                the browser Playwright drives (/usr/bin/chromium)
#   kannel, kannel-extras   the SMS gateway the Kannel intake tests talk to
#   redis-server            the RQ task queue the scale-out test runs on (tests/support/redis.py)
#
# When everything is present this only asks dpkg and returns (well under a second).
# When something is missing: as root, `apt-get update` once, then `apt-get install` what is
# missing (waiting for another apt/dpkg to release its locks); as any other user, print the
# command to run and carry on, so the tests that need the package fail with their own message.
set -euo pipefail

log() { printf 'ensure-system-packages: %s\n' "$*" >&2; }

# Whether a Debian package is installed (not just known or half-configured).
installed() {
    local status
    status=$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) || return 1
    [[ $status == installed ]]
}

# Whether apt knows an installable version of a package.
has_candidate() {
    local candidate
    candidate=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2; exit}')
    [[ -n $candidate && $candidate != "(none)" ]]
}

if ! command -v dpkg-query >/dev/null 2>&1; then
    log "not a Debian system (no dpkg-query); make sure PostgreSQL server binaries, chromium and kannel are installed"
    exit 0
fi

missing=()

if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    missing+=(python3-venv)
fi

# PostgreSQL: any installed server version will do for with-postgres.sh; 15 is the one we ask for.
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    missing+=(postgresql-server)  # resolved below, once the package lists are known to be fresh
fi

if ! installed chromium && [[ ! -x /usr/bin/chromium ]]; then
    missing+=(chromium)
fi

for package in kannel kannel-extras redis-server; do
    installed "$package" || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

if ((EUID != 0)); then
    shown=("${missing[@]/postgresql-server/postgresql-15}")
    log "missing: ${shown[*]}"
    log "not root, so not installing; run:  sudo apt-get update && sudo apt-get install -y ${shown[*]}"
    log "continuing; the tests that need them will fail"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# apt waits this long for another apt-get/dpkg (e.g. an install in another shell) to finish.
apt_options=(-o DPkg::Lock::Timeout=900 -o Acquire::Retries=3)

log "missing: ${missing[*]}; running apt-get update"
# `apt-get update` can still fail on the lists lock while another apt runs; retry for a while.
for attempt in $(seq 1 60); do
    if apt-get "${apt_options[@]}" -q update; then
        break
    fi
    if ((attempt == 60)); then
        log "apt-get update kept failing"
        exit 1
    fi
    log "apt-get update failed (another apt running?); retrying in 15s"
    sleep 15
done

for i in "${!missing[@]}"; do
    if [[ ${missing[$i]} == postgresql-server ]]; then
        if has_candidate postgresql-15; then
            missing[i]=postgresql-15
        else
            missing[i]=postgresql
        fi
    fi
done

log "installing: ${missing[*]}"
apt-get "${apt_options[@]}" -q -y install "${missing[@]}"
