// test_brat_id_index.cpp — the brat importer's id index: plain ids in arrays, the rest hashed,
// both behaving as one map.
#include "core/exchange/brat/brat_id_index.h"

#include <doctest/doctest.h>

#include <string>

using claimmark::brat::IdIndex;

TEST_CASE("brat id index: finds what was inserted, in arrays or in the map") {
    IdIndex index(10);
    CHECK(index.insert("T1", 0));
    CHECK(index.insert("R1", 1));  // another letter: another array
    CHECK(index.insert("E3", 2));
    CHECK(index.insert("T01", 3));            // a leading zero is another id than T1
    CHECK(index.insert("Tx", 4));             // not a number
    CHECK(index.insert("T99999", 5));         // beyond the arrays' limit
    CHECK(index.insert("X1", 6));             // a letter without an array
    CHECK(index.insert("T123456789012", 7));  // too long for a number slot
    CHECK(index.find("T1") == 0);
    CHECK(index.find("R1") == 1);
    CHECK(index.find("E3") == 2);
    CHECK(index.find("T01") == 3);
    CHECK(index.find("Tx") == 4);
    CHECK(index.find("T99999") == 5);
    CHECK(index.find("X1") == 6);
    CHECK(index.find("T123456789012") == 7);
}

TEST_CASE("brat id index: absent ids and ids used twice") {
    IdIndex index(4);
    CHECK(index.find("T1") == IdIndex::kNone);
    CHECK(index.insert("T2", 0));
    CHECK(index.find("T1") == IdIndex::kNone);  // below an inserted number, never inserted
    CHECK(index.find("T3") == IdIndex::kNone);  // past the array's end
    CHECK(index.find("R2") == IdIndex::kNone);  // same number, other letter
    CHECK_FALSE(index.insert("T2", 9));
    CHECK(index.find("T2") == 0);  // the first one stays
    CHECK(index.insert("T0", 1));  // (hashed: the arrays take no leading zero)
    CHECK(index.find("T0") == 1);
    CHECK(index.insert("Tfoo", 2));
    CHECK_FALSE(index.insert("Tfoo", 3));
    CHECK(index.find("Tfoo") == 2);
    CHECK(index.find("") == IdIndex::kNone);
    CHECK(index.find("T") == IdIndex::kNone);
}
