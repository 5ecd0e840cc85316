"""The reference quiz page and the function playground: static files, served by the app."""
