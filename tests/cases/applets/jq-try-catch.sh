jq -n -c 'try error("x") catch ., (try (1/0) catch "div")'
