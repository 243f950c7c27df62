awk 'BEGIN{print ("abc" < "abd"), ("10" < "9"), (10 < 9), ("a" == "a")}'
