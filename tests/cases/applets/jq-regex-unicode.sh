echo '"ünïcödé"' | jq -c 'test("^\\w+$"), ascii_downcase, length, utf8bytelength'
