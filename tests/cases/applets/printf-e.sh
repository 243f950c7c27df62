printf '%e\n' 12345.678
