"""RDF vocabulary, the store, SPARQL, the actor network and its views."""
