factor 12 97
