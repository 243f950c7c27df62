awk '{print}' /nonexistent/file 2>/dev/null || echo failed
