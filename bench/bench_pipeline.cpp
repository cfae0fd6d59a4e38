// Throughput of svpol's stages, each as a ratio to raw ICU word-break iteration over the same
// bytes, measured in one process so that the ratios hold on a noisy machine (issue 6), then the
// peak memory of `svpol extract` on a small and a large corpus and the speed-up of -j 2.
//
//   svpol_bench [--mb N] [--rss-mb SMALL,LARGE] [--svpol PATH] [--quick] [--stages-only]
//               [--parts] CORPUS.jsonl...
//
// Stages, all on the same documents (the corpus files repeated up to N MB, in memory):
//   1. raw ICU word-break iteration (the bar: every ratio is to this)
// each timed in CPU time of this thread (see cpu_now).
//   2. svpol tokenize + sentences
//   3. + lemmas and word classes (pipeline::run)
//   4. + extraction, findings written as JSONL to /dev/null (what `svpol extract` does)
// Then the corpus files' lines are repeated into a JSONL file in /tmp of SMALL and of LARGE MB;
// `svpol extract` runs on each as a child process (its peak RSS from wait4), with -j 1 and
// -j 2 on the small one for the speed-up (each twice, in turn; the faster run of each counts). The
// files are deleted afterwards.
// --quick: 1 MB in memory and 1,3 MB files, for a smoke test in ctest.
// --stages-only: the stages in memory, without the child runs (a minute instead of ten, while
// working on speed).
// --parts: after stage 4, the same work once more with each part timed on its own (tokenize,
// sentences, lemmas and word classes, extraction, writing), as shares of that run: where the
// time of the full path goes, with its caches as warm as in stage 4.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "svpol/corpus.hpp"
#include "svpol/extract.hpp"
#include "svpol/pipeline.hpp"
#include "svpol/sentences.hpp"
#include "svpol/tokenize.hpp"
#include "svpol/writers.hpp"

namespace fs = std::filesystem;

namespace {

using clock_type = std::chrono::steady_clock;

double since(clock_type::time_point t0) {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}

// The stages are timed in this thread's CPU time, not wall time: on a machine shared with
// other builds the wall time of a stage depends on what else runs, its CPU time much less.
double cpu_now() {
  timespec ts{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

struct stage {
  const char* name;
  double secs = 0;
  std::size_t tokens = 0;
};

struct child_run {
  double secs = 0;
  double cpu = 0;  // user + system seconds
  double rss_mb = 0;
  int status = 0;
};

// Runs `svpol extract -j JOBS FILE` with its output to /dev/null; wall time and peak RSS.
child_run run_extract(const std::string& svpol, const std::string& file, int jobs) {
  child_run r;
  const std::string j = std::to_string(jobs);
  const auto t0 = clock_type::now();
  const pid_t pid = ::fork();
  if (pid < 0) {
    std::perror("fork");
    r.status = -1;
    return r;
  }
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    if (null >= 0) ::dup2(null, 1);
    ::execl(svpol.c_str(), svpol.c_str(), "extract", "-j", j.c_str(), file.c_str(),
            static_cast<char*>(nullptr));
    std::perror("exec svpol");
    ::_exit(127);
  }
  int st = 0;
  struct rusage ru {};
  ::wait4(pid, &st, 0, &ru);
  r.secs = since(t0);
  r.rss_mb = double(ru.ru_maxrss) / 1024.0;  // kilobytes on Linux
  r.cpu = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
          double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return r;
}

// The child runs are started by a launcher process forked first thing in main, while this
// process is still small: the peak RSS that wait4 reports for a child includes the image it was
// forked from (Linux keeps the high-water mark across exec), so forking svpol from this
// process, with its corpus and lexicons in memory, would report this process's size instead.
class launcher {
 public:
  launcher() {
    int down[2], up[2];
    if (::pipe(down) != 0 || ::pipe(up) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::close(down[1]);
      ::close(up[0]);
      serve(down[0], up[1]);
      ::_exit(0);
    }
    ::close(down[0]);
    ::close(up[1]);
    to_ = ::fdopen(down[1], "w");
    from_ = ::fdopen(up[0], "r");
  }
  ~launcher() {
    if (to_) std::fclose(to_);
    if (from_) std::fclose(from_);
    if (pid_ > 0) ::waitpid(pid_, nullptr, 0);
  }
  child_run run(const std::string& svpol, const std::string& file, int jobs) {
    child_run r;
    r.status = -1;
    if (!to_ || !from_) return r;
    std::fprintf(to_, "%d %s\n%s\n", jobs, svpol.c_str(), file.c_str());
    std::fflush(to_);
    if (std::fscanf(from_, "%lf %lf %lf %d", &r.secs, &r.cpu, &r.rss_mb, &r.status) != 4)
      r.status = -1;
    return r;
  }

 private:
  static void serve(int in_fd, int out_fd) {
    FILE* in = ::fdopen(in_fd, "r");
    FILE* out = ::fdopen(out_fd, "w");
    char line[4096], file[4096];
    int jobs = 0;
    while (std::fscanf(in, "%d ", &jobs) == 1 && std::fgets(line, sizeof line, in) &&
           std::fgets(file, sizeof file, in)) {
      line[std::strcspn(line, "\n")] = 0;
      file[std::strcspn(file, "\n")] = 0;
      const child_run r = run_extract(line, file, jobs);
      std::fprintf(out, "%.6f %.6f %.3f %d\n", r.secs, r.cpu, r.rss_mb, r.status);
      std::fflush(out);
    }
  }
  pid_t pid_ = -1;
  FILE* to_ = nullptr;
  FILE* from_ = nullptr;
};

// Repeats the lines of `lines` into a file of at least `mb` MB; returns its size in bytes.
std::size_t write_corpus(const fs::path& path, const std::vector<std::string>& lines, double mb) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  std::size_t bytes = 0;
  while (bytes < mb * 1e6 && out)
    for (const auto& l : lines) {
      out << l << '\n';
      bytes += l.size() + 1;
    }
  return bytes;
}

std::vector<double> parse_list(const char* s) {
  std::vector<double> out;
  for (const char* p = s; *p;) {
    char* e = nullptr;
    out.push_back(std::strtod(p, &e));
    if (e == p) break;
    p = *e == ',' ? e + 1 : e;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  launcher spawn;  // before anything is loaded: see launcher
  double target_mb = 100;
  std::vector<double> rss_mb = {100, 1000};
  std::string svpol = (fs::path(argv[0]).parent_path() / "svpol").string();
  std::vector<std::string> files;
  bool stages_only = false, parts = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--mb") == 0 && i + 1 < argc) {
      target_mb = std::atof(argv[++i]);
    } else if (std::strcmp(argv[i], "--rss-mb") == 0 && i + 1 < argc) {
      rss_mb = parse_list(argv[++i]);
    } else if (std::strcmp(argv[i], "--svpol") == 0 && i + 1 < argc) {
      svpol = argv[++i];
    } else if (std::strcmp(argv[i], "--stages-only") == 0) {
      stages_only = true;
    } else if (std::strcmp(argv[i], "--parts") == 0) {
      parts = true;
    } else if (std::strcmp(argv[i], "--quick") == 0) {
      target_mb = 1;
      rss_mb = {1, 3};
    } else {
      files.emplace_back(argv[i]);
    }
  }
  if (files.empty() || rss_mb.size() != 2) {
    std::fprintf(stderr,
                 "usage: svpol_bench [--mb N] [--rss-mb SMALL,LARGE] [--svpol PATH] [--quick] "
                 "[--stages-only] [--parts] CORPUS.jsonl...\n");
    return 2;
  }
  std::vector<svpol::document> docs;
  std::vector<std::string> lines;  // the JSONL lines, for the files the child runs read
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    svpol::read_jsonl(in, f, [&](svpol::document d) { docs.push_back(std::move(d)); });
    std::ifstream again(f, std::ios::binary);
    for (std::string l; std::getline(again, l);)
      if (!l.empty()) lines.push_back(std::move(l));
  }
  // Repeat the documents up to the target size; the pointers share one copy of each.
  std::vector<const svpol::document*> corpus;
  std::size_t bytes = 0;
  while (bytes < target_mb * 1e6 && !docs.empty())
    for (const auto& d : docs) {
      corpus.push_back(&d);
      bytes += d.text().size();
    }
  if (corpus.empty()) {
    std::fprintf(stderr, "svpol_bench: no documents\n");
    return 1;
  }
  const double mb = double(bytes) / 1e6;
  std::printf("corpus: %.1f MB in %zu documents (%zu distinct)\n", mb, corpus.size(), docs.size());
  std::fflush(stdout);

  std::vector<stage> stages = {{"1. raw ICU word breaks"},
                               {"2. tokenize + sentences"},
                               {"3. + lemmas, word classes"},
                               {"4. + extraction (extract)"}};
  {
    const double t0 = cpu_now();
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createWordInstance(icu::Locale("sv"), st));
    std::size_t n = 0;
    for (const auto* d : corpus) {
      const std::string& t = d->text();
      UText* ut = utext_openUTF8(nullptr, t.data(), static_cast<int64_t>(t.size()), &st);
      bi->setText(ut, st);
      for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next())
        n += bi->getRuleStatus() != UBRK_WORD_NONE;
      utext_close(ut);
    }
    stages[0].secs = cpu_now() - t0;
    stages[0].tokens = n;
  }
  const auto lex_dir = svpol::default_lexicon_dir();
  // The pipeline's tagger, kept for --parts: its caches are those stage 4 warmed.
  const svpol::tagger tag = svpol::tagger::load(lex_dir);
  const svpol::pipeline pipe(svpol::lexicon::load_dir(lex_dir), tag);
  const svpol::extractor ext = svpol::extractor::load(lex_dir / "rules", pipe.lexicons());
  {
    const double t0 = cpu_now();
    std::size_t n = 0;
    for (const auto* d : corpus) {
      const auto toks = svpol::tokenize(*d, pipe.lexicons().abbreviations());
      const auto sents = svpol::split_sentences(*d, toks, pipe.lexicons().abbreviations());
      n += toks.size() + 0 * sents.size();
    }
    stages[1].secs = cpu_now() - t0;
    stages[1].tokens = n;
  }
  {
    const double t0 = cpu_now();
    std::size_t n = 0;
    for (const auto* d : corpus) n += pipe.run(*d).tokens.size();
    stages[2].secs = cpu_now() - t0;
    stages[2].tokens = n;
  }
  std::size_t findings = 0;
  {
    std::ofstream null("/dev/null", std::ios::binary);
    const double t0 = cpu_now();
    std::size_t n = 0;
    for (const auto* d : corpus) {
      const svpol::analysis a = pipe.run(*d);
      const auto found = ext.extract(*d, a);
      svpol::write_findings_jsonl(null, *d, found);
      n += a.tokens.size();
      findings += found.size();
    }
    stages[3].secs = cpu_now() - t0;
    stages[3].tokens = n;
  }
  std::printf("\n%-28s %8s %12s %8s\n", "stage (one core)", "MB/s", "tokens/s", "ratio");
  for (const auto& s : stages)
    std::printf("%-28s %8.2f %12.0f %8.3f\n", s.name, mb / s.secs, double(s.tokens) / s.secs,
                stages[0].secs / s.secs);
  std::printf("(%zu findings; ICU words %zu, svpol tokens %zu)\n", findings, stages[0].tokens,
              stages[3].tokens);
  std::fflush(stdout);
  if (parts) {
    // Each part's CPU time summed over the documents; the clock is read six times a document,
    // which the total (against stage 4) shows.
    const char* names[] = {"tokenize", "sentences", "lemmas, word classes", "extraction",
                           "writing"};
    double secs[5] = {};
    std::ofstream null("/dev/null", std::ios::binary);
    for (const auto* d : corpus) {
      double t = cpu_now(), u = 0;
      svpol::analysis a;
      a.tokens = svpol::tokenize(*d, pipe.lexicons().abbreviations());
      secs[0] += (u = cpu_now()) - t;
      a.sentences = svpol::split_sentences(*d, a.tokens, pipe.lexicons().abbreviations());
      secs[1] += (t = cpu_now()) - u;
      tag.tag(*d, a.tokens, a.sentences);
      secs[2] += (u = cpu_now()) - t;
      const auto found = ext.extract(*d, a);
      secs[3] += (t = cpu_now()) - u;
      svpol::write_findings_jsonl(null, *d, found);
      secs[4] += cpu_now() - t;
    }
    double total = 0;
    for (double x : secs) total += x;
    std::printf("\n%-28s %8s %8s %8s\n", "part of stage 4", "CPU s", "share", "x ICU");
    for (int i = 0; i < 5; ++i)
      std::printf("%-28s %8.2f %7.1f%% %8.2f\n", names[i], secs[i], 100 * secs[i] / total,
                  secs[i] / stages[0].secs);
    std::printf("%-28s %8.2f %7.1f%% %8.2f  (stage 4: %.2f s)\n", "all", total, 100.0,
                total / stages[0].secs, stages[3].secs);
    std::fflush(stdout);
  }
  if (stages_only) return 0;

  // The child runs: peak RSS on the small and the large file, -j 2 against -j 1.
  if (::access(svpol.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "svpol_bench: no svpol binary at %s (use --svpol)\n", svpol.c_str());
    return 1;
  }
  // .jsonl: svpol reads any other name as one plain-text document.
  const fs::path tmp =
      fs::temp_directory_path() / ("svpol_bench_" + std::to_string(::getpid()) + ".jsonl");
  int failed = 0;
  std::printf("\n%-22s %8s %8s %8s %8s %10s\n", "svpol extract (child)", "MB", "wall s", "MB/s",
              "CPU s", "peak RSS");
  auto show = [&](const char* name, double file_mb, const child_run& r) {
    std::printf("%-22s %8.1f %8.1f %8.2f %8.1f %7.1f MB%s\n", name, file_mb, r.secs,
                file_mb / r.secs, r.cpu, r.rss_mb, r.status ? "  FAILED" : "");
    std::fflush(stdout);
    failed |= r.status;
  };
  double small_rss = 0, large_rss = 0, speedup = 0, idle_speedup = 0;
  {
    const double file_mb = double(write_corpus(tmp, lines, rss_mb[0])) / 1e6;
    // -j 1 and -j 2 in turn, twice, each figure the faster of its two runs: a burst of other
    // load on the machine then slows one run of a pair, not the speed-up.
    child_run j1 = spawn.run(svpol, tmp.string(), 1);
    show("-j 1, small", file_mb, j1);
    child_run j2 = spawn.run(svpol, tmp.string(), 2);
    show("-j 2, small", file_mb, j2);
    const child_run j1b = spawn.run(svpol, tmp.string(), 1);
    show("-j 1, small, again", file_mb, j1b);
    const child_run j2b = spawn.run(svpol, tmp.string(), 2);
    show("-j 2, small, again", file_mb, j2b);
    if (j1b.secs < j1.secs) j1 = j1b;
    if (j2b.secs < j2.secs) j2 = j2b;
    small_rss = std::max(j2.rss_mb, j2b.rss_mb);
    speedup = j1.secs / j2.secs;
    // What -j 2 would give on two free cores: its CPU time spread over both, against -j 1
    // (which, single-threaded, gets at most one core). Only meaningful on a loaded machine.
    idle_speedup = 2 * j1.cpu / j2.cpu;
    fs::remove(tmp);
  }
  {
    const double file_mb = double(write_corpus(tmp, lines, rss_mb[1])) / 1e6;
    const child_run j2 = spawn.run(svpol, tmp.string(), 2);
    show("-j 2, large", file_mb, j2);
    large_rss = j2.rss_mb;
    fs::remove(tmp);
  }
  std::printf("\n-j 2 speed-up over -j 1: %.2f (wall time; from CPU time, on free cores: %.2f)\n",
              speedup, idle_speedup);
  std::printf("peak RSS large / small:  %.3f\n", large_rss / small_rss);
  return failed ? 1 : 0;
}
