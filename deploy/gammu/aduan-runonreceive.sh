#!/bin/sh
# Gammu SMSD RunOnReceive handler: forwards each received SMS to Aduan Bansos and sends the reply.
#
#   /etc/gammu-smsdrc:   [smsd]
#                        RunOnReceive = /usr/local/bin/aduan-runonreceive.sh
#   /etc/default/aduan-gammu (read below, mode 600, owned by the gammu SMSD user):
#                        ADUAN_URL=https://aduan.example.go.id/sms/gammu/
#                        ADUAN_GAMMU_USER=modem
#                        ADUAN_GAMMU_PASSWORD=<the secret of the "gammu" entry of ADUAN_SMS_GATEWAYS>
#
# Gammu passes the message in the environment (SMS_MESSAGES, SMS_1_NUMBER, SMS_1_TEXT, …,
# DECODED_PARTS, DECODED_1_TEXT, PHONE_ID) and the ids of the received parts as arguments (inbox
# file names or database rows). The ids, joined with ",", are the idempotency key: if SMSD runs
# this script again for the same message the app answers the same and files nothing.
# SMSD waits for this script (at most two minutes), so curl gives up after 30 s.
set -u

CONFIG=${ADUAN_GAMMU_CONFIG:-/etc/default/aduan-gammu}
# shellcheck source=/dev/null
[ -r "$CONFIG" ] && . "$CONFIG"
: "${ADUAN_URL:?set ADUAN_URL in $CONFIG}"
: "${ADUAN_GAMMU_USER:?set ADUAN_GAMMU_USER in $CONFIG}"
: "${ADUAN_GAMMU_PASSWORD:?set ADUAN_GAMMU_PASSWORD in $CONFIG}"

ids=$(printf '%s,' "$@")
ids=${ids%,}

set -- --data-urlencode "id=$ids"
for name in SMS_MESSAGES DECODED_PARTS PHONE_ID DECODED_1_TEXT; do
    eval "value=\${$name-}"
    [ -n "$value" ] && set -- "$@" --data-urlencode "$name=$value"
done
n=1
while [ "$n" -le "${SMS_MESSAGES:-1}" ]; do
    for field in NUMBER TEXT CLASS; do
        eval "value=\${SMS_${n}_${field}-}"
        [ -n "$value" ] && set -- "$@" --data-urlencode "SMS_${n}_${field}=$value"
    done
    n=$((n + 1))
done

# The password goes to curl on stdin, not on its command line where `ps` would show it.
reply=$(printf 'user = "%s:%s"\n' "$ADUAN_GAMMU_USER" "$ADUAN_GAMMU_PASSWORD" |
    curl --silent --show-error --fail --max-time 30 --config - "$@" "$ADUAN_URL") || {
    # Not the ids: with the files backend they contain the sender's number.
    logger -t aduan-gammu "delivery of an SMS to $ADUAN_URL failed; it is still in the SMSD inbox"
    exit 1
}

[ -n "$reply" ] && gammu-smsd-inject TEXT "$SMS_1_NUMBER" -text "$reply" >/dev/null
exit 0
