"""The Elasticsearch-API engine: client adapters and the index definition."""
