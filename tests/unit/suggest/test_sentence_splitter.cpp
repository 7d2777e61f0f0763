// Tests for the sentence splitter: abbreviations, decimals, quotes, list lines, headings,
// wrapped lines and paragraphs.
#include "core/suggest/sentence_splitter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimmark;

namespace {

std::vector<std::string> sentencesOf(const std::string& text) {
    const ScannedWords words = scanWords(std::string_view(text));
    std::vector<std::string> out;
    for (const Sentence& s : splitSentences(text, words))
        out.push_back(text.substr(s.byteStart, s.byteEnd - s.byteStart));
    return out;
}

}  // namespace

TEST_CASE("sentences: ends of sentences, and periods that end nothing") {
    CHECK(sentencesOf("It works. It is cheap! Is it safe? Nobody knows.") ==
          std::vector<std::string>{"It works.", "It is cheap!", "Is it safe?", "Nobody knows."});
    CHECK(sentencesOf("Some herbs, e.g. kratom, act fast. Others do not.") ==
          std::vector<std::string>{"Some herbs, e.g. kratom, act fast.", "Others do not."});
    CHECK(sentencesOf("Dr. Smith and Prof. Jones disagree vs. the FDA. Fine.") ==
          std::vector<std::string>{"Dr. Smith and Prof. Jones disagree vs. the FDA.", "Fine."});
    CHECK(sentencesOf("Smith et al. found it. J. R. Smith agreed.") ==
          std::vector<std::string>{"Smith et al. found it.", "J. R. Smith agreed."});
    CHECK(sentencesOf("The dose was 2.5 mg. It rose by 3.75 percent.") ==
          std::vector<std::string>{"The dose was 2.5 mg.", "It rose by 3.75 percent."});
    CHECK(sentencesOf("It works... maybe. Then it stopped.") ==
          std::vector<std::string>{"It works... maybe.", "Then it stopped."});
}

TEST_CASE("sentences: quotes and brackets stay with their sentence") {
    CHECK(sentencesOf("He said \"it works.\" Then he left.") ==
          std::vector<std::string>{"He said \"it works.\"", "Then he left."});
    CHECK(sentencesOf("She called it \xE2\x80\x9C"
                      "a miracle.\xE2\x80\x9D It was not.") == std::vector<std::string>{"She called it \xE2\x80\x9C"
                                                                                        "a miracle.\xE2\x80\x9D",
                                                                                        "It was not."});
    CHECK(sentencesOf("(It was small.) Later trials grew.") ==
          std::vector<std::string>{"(It was small.)", "Later trials grew."});
}

TEST_CASE("sentences: headings, list lines, wrapped lines and paragraphs") {
    const std::string text =
        "Kratom and Pain\n"
        "- Understanding Kratom: An Overview\n"
        "- The Science Behind Kratom\n"
        "Kratom may help some people. It is sold\n"
        "in many shops.\n"
        "\n"
        "A new paragraph starts here.";
    const ScannedWords words = scanWords(std::string_view(text));
    const std::vector<Sentence> s = splitSentences(text, words);
    REQUIRE(s.size() == 6);
    CHECK(text.substr(s[0].byteStart, s[0].byteEnd - s[0].byteStart) == "Kratom and Pain");
    CHECK(s[0].heading());
    CHECK(s[1].listItem);
    CHECK(s[1].heading());
    CHECK(text.substr(s[1].byteStart, s[1].byteEnd - s[1].byteStart) == "- Understanding Kratom: An Overview");
    CHECK(s[2].listItem);
    CHECK_FALSE(s[3].heading());
    CHECK(text.substr(s[4].byteStart, s[4].byteEnd - s[4].byteStart) == "It is sold\nin many shops.");
    CHECK(s[4].paragraph == 0);
    CHECK(s[5].paragraph == 1);
    CHECK(s[5].terminal == '.');
    // Code point offsets count characters, not bytes.
    const std::string accented = "Caf\xC3\xA9 owners agree. Tea helps.";
    const std::vector<Sentence> a = splitSentences(accented, scanWords(std::string_view(accented)));
    REQUIRE(a.size() == 2);
    CHECK(a[1].cpStart == 19);
    CHECK(a[1].byteStart == 20);
}

TEST_CASE("sentences: questions, and words counted per sentence") {
    const std::string text = "Does kratom work? Some say it does.";
    const ScannedWords words = scanWords(std::string_view(text));
    const std::vector<Sentence> s = splitSentences(text, words);
    REQUIRE(s.size() == 2);
    CHECK(s[0].question());
    CHECK(s[0].endWord - s[0].firstWord == 3);
    CHECK(s[1].endWord - s[1].firstWord == 4);
    CHECK(words.words[s[1].firstWord].lower == "some");
}
