"""Self-service kiosk of the 威海市社会保险事业中心 (Weihai Municipal Social Insurance Centre)."""

__version__ = "0.1.0"
