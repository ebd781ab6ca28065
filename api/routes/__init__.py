"""The HTTP routes: chat, conversations, timeline, insights and the admin page."""
