// Throughput of svpol's stages, each as a ratio to raw ICU word-break iteration over the same
// bytes, measured in one process so that the ratios hold on a noisy machine.
//   svpol_bench [--mb N] CORPUS.jsonl...
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "svpol/corpus.hpp"
#include "svpol/pipeline.hpp"

namespace {

double seconds(const std::function<std::size_t()>& run, std::size_t& units) {
  const auto t0 = std::chrono::steady_clock::now();
  units = run();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  double target_mb = 20;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--mb") == 0 && i + 1 < argc)
      target_mb = std::atof(argv[++i]);
    else
      files.emplace_back(argv[i]);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: svpol_bench [--mb N] CORPUS.jsonl...\n");
    return 2;
  }
  std::vector<std::string> texts;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    svpol::read_jsonl(in, f, [&](svpol::document d) { texts.push_back(d.text()); });
  }
  // Repeat the corpus up to the target size.
  std::vector<const std::string*> corpus;
  std::size_t bytes = 0;
  while (bytes < target_mb * 1e6 && !texts.empty())
    for (const auto& t : texts) {
      corpus.push_back(&t);
      bytes += t.size();
    }
  const double mb = double(bytes) / 1e6;
  std::printf("corpus: %.1f MB in %zu documents\n", mb, corpus.size());

  std::size_t icu_words = 0, toks = 0;
  const double t_icu = seconds(
      [&] {
        UErrorCode st = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> bi(
            icu::BreakIterator::createWordInstance(icu::Locale("sv"), st));
        std::size_t n = 0;
        for (const auto* t : corpus) {
          UText* ut = utext_openUTF8(nullptr, t->data(), static_cast<int64_t>(t->size()), &st);
          bi->setText(ut, st);
          for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next())
            n += bi->getRuleStatus() != UBRK_WORD_NONE;
          utext_close(ut);
        }
        return n;
      },
      icu_words);
  const svpol::pipeline pipe(svpol::lexicon::load_dir(svpol::default_lexicon_dir()));
  const double t_tok = seconds(
      [&] {
        std::size_t n = 0;
        for (const auto* t : corpus) {
          const auto doc = svpol::document::from_utf8(*t, "b");
          n += pipe.run(doc).tokens.size();
        }
        return n;
      },
      toks);
  std::printf("%-32s %8s %12s %8s\n", "stage", "MB/s", "tokens/s", "ratio");
  std::printf("%-32s %8.1f %12.0f %8.2f\n", "1. raw ICU word breaks", mb / t_icu,
              double(icu_words) / t_icu, 1.0);
  std::printf("%-32s %8.1f %12.0f %8.2f\n", "2. svpol pipeline (run)", mb / t_tok,
              double(toks) / t_tok, t_icu / t_tok);
  return 0;
}
