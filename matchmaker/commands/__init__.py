"""Command-line commands that need neither the Flask app nor the database."""
