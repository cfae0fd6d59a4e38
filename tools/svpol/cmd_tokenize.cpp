// svpol tokenize: tokens, sentences and paragraphs of Swedish text.
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "common.hpp"
#include "parallel.hpp"
#include "svpol/conllu.hpp"
#include "svpol/pipeline.hpp"

namespace svpol::cli {

void add_tokenize(CLI::App& app, int& status) {
  struct options {
    common_options common;
    std::vector<std::string> inputs;
    std::string format = "text";
    bool summary = false;
  };
  auto opts = std::make_shared<options>();
  CLI::App* cmd = app.add_subcommand(
      "tokenize",
      "Split Swedish text into paragraphs, sentences and tokens.\n"
      "Formats: text (one sentence a line, tokens separated by spaces, paragraphs by an empty\n"
      "line); conllu (UD CoNLL-U with # newdoc/# newpar/# sent_id/# text, SpaceAfter=No, and\n"
      "TokenRange=start:end in MISC); jsonl (one sentence a line: doc, sentence, paragraph,\n"
      "start, end, tokens[form, start, end, kind]). All offsets are Unicode code points into\n"
      "the original input, end exclusive, so text[start:end] in Python is the span.");
  cmd->add_option("inputs", opts->inputs,
                  "Text or Markdown files, JSONL corpora, Riksdag speech JSON, directories of "
                  "these (with an optional metadata.csv), or - for stdin")
      ->type_name("FILE...");
  cmd->add_option("-f,--format", opts->format, "Output format")
      ->check(CLI::IsMember({"text", "conllu", "jsonl"}))
      ->capture_default_str();
  cmd->add_flag("--summary", opts->summary,
                "Print a table of paragraphs, sentences and tokens per document instead");
  add_input_options(*cmd, opts->common);
  add_jobs_option(*cmd, opts->common);
  add_lexicon_option(*cmd, opts->common);
  add_output_option(*cmd, opts->common);
  cmd->callback([opts, &status] {
    const svpol::pipeline pipe(load_lexicon(opts->common));
    with_output(opts->common, [&](std::ostream& out) {
      std::size_t docs = 0, paragraphs = 0, sentences = 0, tokens = 0;
      if (opts->summary) out << "document\tparagraphs\tsentences\ttokens\n";
      struct result {
        std::string text;
        std::size_t paragraphs = 0, sentences = 0, tokens = 0;
      };
      status = process_in_order<result>(
          opts->inputs, opts->common, opts->common.jobs ? opts->common.jobs : default_jobs(),
          [&](const document& doc) {
            const analysis a = pipe.run(doc);
            result r;
            r.paragraphs = a.sentences.empty() ? 0 : a.sentences.back().paragraph + 1;
            r.sentences = a.sentences.size();
            r.tokens = a.tokens.size();
            std::ostringstream chunk;
            if (opts->summary)
              chunk << doc.id() << '\t' << r.paragraphs << '\t' << r.sentences << '\t' << r.tokens
                    << '\n';
            else if (opts->format == "conllu")
              write_conllu(chunk, doc, a);
            else if (opts->format == "jsonl")
              write_tokens_jsonl(chunk, doc, a);
            else
              write_tokens_text(chunk, doc, a);
            r.text = chunk.str();
            return r;
          },
          [&](const document&, result& r) {
            out << r.text;
            ++docs;
            paragraphs += r.paragraphs;
            sentences += r.sentences;
            tokens += r.tokens;
          });
      if (opts->summary)
        out << "total (" << docs << " documents)\t" << paragraphs << '\t' << sentences << '\t'
            << tokens << '\n';
    });
  });
}

}  // namespace svpol::cli
