# gen-json.awk: a deterministic JSON document for bench/applets.sh: one
# array of records, one per line, until `target` bytes (-v target=N).
# Integers only (no float formatting differences between jq versions);
# same random numbers as gen-text.awk.  No single quotes in the code (see gen-text.awk).
function rnd(m) {
    seed = (seed * 16807) % 2147483647
    return seed % m
}
BEGIN {
    split("ka lo mi ne ru xi ta po se du ba fe gi ho ju vo wa ze qi ly", syl, " ")
    ncity = split("Lyon Oslo Porto Quito Lagos Perth Osaka Delhi Cusco Turin Split Brno", city, " ")
    seed = 7
    size = 1
    print "["
    for (id = 1; size < target; id++) {
        name = syl[1 + rnd(20)] syl[1 + rnd(20)] syl[1 + rnd(20)]
        rec = sprintf("{\"id\":%d,\"name\":\"%s\",\"city\":\"%s\",\"score\":%d,\"active\":%s,\"tags\":[\"%s\",\"%s\"],\"meta\":{\"visits\":%d,\"ref\":\"r%d\"}}",
                      id, name, city[1 + rnd(ncity)], rnd(1000), rnd(3) ? "true" : "false",
                      syl[1 + rnd(20)], syl[1 + rnd(20)], rnd(100000), rnd(1000000))
        size += length(rec) + 2
        printf "%s%s\n", (id > 1 ? "," : ""), rec
    }
    print "]"
}
