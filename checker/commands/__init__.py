"""One module per CLI command (or command group); each exposes `command`.

The CLI collects them in name order, so adding a command never edits a shared file.
"""
