"""The API designer: REST endpoints by service, live problems, GraphQL SDL, OpenAPI preview."""
