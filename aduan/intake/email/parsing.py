"""From the bytes an SMTP server received to what intake needs: sender, subject, text, files."""

import re
from dataclasses import dataclass, field
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses
from html.parser import HTMLParser

MESSAGE_ID = re.compile(r"<[^<>\s]+>")
# "Pada 1 Des 2026, Siti menulis:" / "On Tue, … wrote:" — where the quoted original starts.
QUOTE_HEADER = re.compile(r"^(on|pada)\b.{0,200}\b(wrote|menulis)\s*:\s*$", re.IGNORECASE)
FORWARD_MARKERS = ("-----original message-----", "-----pesan asli-----")


@dataclass(frozen=True)
class InboundFile:
    name: str
    content: bytes


@dataclass(frozen=True)
class InboundEmail:
    message_id: str
    sender_email: str
    sender_name: str
    subject: str
    text: str
    refers_to: tuple[str, ...] = ()
    files: tuple[InboundFile, ...] = field(default_factory=tuple)

    @property
    def reply_text(self) -> str:
        """The new part of a reply, without the quoted message below it."""
        return strip_quoted(self.text)


class _TextOfHtml(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("br", "p", "div", "li", "tr"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def strip_quoted(text: str) -> str:
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if QUOTE_HEADER.match(stripped) or stripped.lower() in FORWARD_MARKERS:
            break
        if not stripped.startswith(">"):
            kept.append(line)
    return "\n".join(kept).strip()


def _body_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # an unknown or lying charset
        content = part.get_payload(decode=True).decode("utf-8", errors="replace")
    if part.get_content_type() == "text/html":
        content = html_to_text(content)
    return content.replace("\r\n", "\n").strip()


def _files(message: EmailMessage) -> tuple[InboundFile, ...]:
    files = []
    for part in message.iter_attachments():
        if part.is_multipart():
            continue
        content = part.get_payload(decode=True) or b""
        files.append(InboundFile(name=_clean(part.get_filename() or "") or "lampiran", content=content))
    return tuple(files)


def _sender(message: EmailMessage) -> tuple[str, str]:
    header = message.get("From") or ""
    try:
        addresses = getattr(header, "addresses", None)
        if addresses:
            first: Address = addresses[0]
            return first.addr_spec.strip().lower(), (first.display_name or "").strip()
    except (IndexError, ValueError):
        pass
    parsed = getaddresses([str(header)])
    name, email = parsed[0] if parsed else ("", "")
    return email.strip().lower(), name.strip()


def _clean(text: str) -> str:
    # NUL cannot be stored (PostgreSQL text); a mail client never means it.
    return text.replace("\x00", "")


def parse(raw: bytes) -> InboundEmail:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    sender_email, sender_name = (_clean(part) for part in _sender(message))
    refers_to = tuple(MESSAGE_ID.findall(_clean(f"{message.get('In-Reply-To', '')} {message.get('References', '')}")))
    message_ids = MESSAGE_ID.findall(str(message.get("Message-ID", "")))
    return InboundEmail(
        message_id=_clean(message_ids[0]) if message_ids else "",
        sender_email=sender_email,
        sender_name=sender_name,
        subject=_clean(" ".join(str(message.get("Subject", "")).split())),
        text=_clean(_body_text(message)),
        refers_to=refers_to,
        files=_files(message),
    )
