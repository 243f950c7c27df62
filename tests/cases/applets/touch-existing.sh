printf 'keep\n' > f; touch f; cat f
