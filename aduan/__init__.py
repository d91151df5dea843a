"""Aduan Bansos: complaint management for Indonesia's social-assistance programs."""
