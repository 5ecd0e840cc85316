"""HTTP plumbing shared by the routers: bodies, content negotiation, responses."""
