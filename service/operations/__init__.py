"""Running the service: rate limits, request logs and metrics, security headers, health."""
