"""vigie: conflict events from news articles."""
__version__ = "0.1.0"
