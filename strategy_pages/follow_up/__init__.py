"""The follow-up the strategy asks for: the traceability matrix, network representation,
outcome capture and reuse, study visits and the exports for the city's management system."""
