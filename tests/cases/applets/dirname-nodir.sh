dirname file
