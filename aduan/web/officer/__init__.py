"""The officers' pages (issue 3 §7): sign-in, the unit's queue, the complaint page and its actions."""
