"""factcheck: a fact-checking claim tracker."""
