touch f; stat -c %n f
