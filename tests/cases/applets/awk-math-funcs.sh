awk 'BEGIN{printf "%.4f %.4f %.4f %.4f %.4f\n", sqrt(2), exp(1), log(10), sin(1), atan2(1, 1)}'
