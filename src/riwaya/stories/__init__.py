"""Stories: articles grouped by the events they tell, incrementally over time."""
