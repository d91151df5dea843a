"""Complaints by email: an SMTP receiver (aiosmtpd, `aduan intake_mail`) in front of one intake function.

The organisation's mail server relays the complaint address (e.g. pengaduan@dinsos.go.id) to it;
each message becomes a complaint, or — when it answers one — a rebuttal or a note on it.
"""
