"""What the core tells the parts built on it, without knowing them.

`event_recorded` is sent inside the transaction that writes an event: a receiver's writes commit
or roll back with the event itself. The notifications write their outbox rows here (so a message
is never lost between the commit and a callback), the case file starts its checklist here. The
core imports none of them; they connect in their AppConfig.ready().
"""

from django.dispatch import Signal

# Sent with event=<the Event just written>; its complaint is the row as the action left it.
event_recorded = Signal()
