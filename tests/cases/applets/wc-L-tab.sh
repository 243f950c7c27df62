printf 'a\tb\nxyz\n' | wc -L; printf 'é日本\n' | wc -L -m -c; printf 'one\r\ntwo three\n' | wc -L -w
