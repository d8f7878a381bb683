"""Bundled content (the typed UI text catalogue; later FAQ and service guide). Never imports Qt."""
