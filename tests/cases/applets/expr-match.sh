expr abc123 : 'abc\([0-9]*\)'
