#include "adapters/xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>

#include "base/dates.h"
#include "base/text.h"
#include "base/utf8.h"

namespace smsdoc {

namespace {

lxw_color_t Colour(const std::string& hex) {
  return static_cast<lxw_color_t>(std::stoul(hex.substr(1), nullptr, 16));
}

// At most `bytes` bytes of `s`, without splitting a UTF-8 character.
std::string Utf8Prefix(const std::string& s, size_t bytes) {
  if (s.size() <= bytes) return s;
  size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// The words of a line, split at spaces.
std::vector<std::string> SplitWords(const std::string& line) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < line.size()) {
    size_t j = line.find(' ', i);
    if (j == std::string::npos) j = line.size();
    if (j > i) words.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

// Header and footer text treats '&' as a control character.
std::string EscapeHeaderFooter(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '&' ? std::string("&&") : std::string(1, c);
  return out;
}

class XlsxWriter {
 public:
  XlsxWriter(const Workbook& model, const std::string& path, const std::string& tmpdir)
      : model_(model), tmpdir_(tmpdir) {
    lxw_workbook_options options = {};
    size_t rows = 0;
    for (const Sheet& sheet : model_.sheets)
      if (sheet.is_table) rows += sheet.RowCount();
    streamed_ = rows > kTableRows;
    options.constant_memory = streamed_ ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = tmpdir_.data();
    wb_ = workbook_new_opt(path.c_str(), &options);
  }

  std::string Write() {
    if (!wb_) return "cannot create the workbook";
    SetProperties();
    MakeFormats();
    for (const Sheet& sheet : model_.sheets) WriteSheet(sheet);
    for (const DefinedName& name : model_.names)
      workbook_define_name(wb_, name.name.c_str(), name.formula.c_str());
    lxw_error error = workbook_close(wb_);
    wb_ = nullptr;
    return error == LXW_NO_ERROR ? "" : lxw_strerror(error);
  }

  ~XlsxWriter() {
    if (wb_) workbook_close(wb_);
  }

 private:
  void SetProperties() {
    lxw_doc_properties props = {};
    title_ = model_.title;
    company_ = model_.company;
    props.title = title_.data();
    props.company = company_.data();
    props.author = const_cast<char*>("smsdoc");
    // A fixed creation time (the as-of date) keeps the bytes the same from
    // build to build.
    if (auto d = ParseDate(model_.created)) props.created = DaysSinceEpoch(*d) * 86400;
    workbook_set_properties(wb_, &props);
  }

  void MakeFormats() {
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_font_color(header_, 0xFFFFFF);
    format_set_bg_color(header_, 0x12335C);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(header_, LXW_BORDER_THIN);
    top_ = workbook_add_format(wb_);
    format_set_align(top_, LXW_ALIGN_VERTICAL_TOP);
    wrap_ = workbook_add_format(wb_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    date_ = workbook_add_format(wb_);
    format_set_num_format(date_, "yyyy-mm-dd");
    format_set_align(date_, LXW_ALIGN_VERTICAL_TOP);
    link_ = workbook_add_format(wb_);
    format_set_underline(link_, LXW_UNDERLINE_SINGLE);
    format_set_font_color(link_, 0x1F5FA8);
    format_set_align(link_, LXW_ALIGN_VERTICAL_TOP);
  }

  // One format per fill colour (and bold), made on first use.
  lxw_format* Fill(const std::string& colour, bool bold) {
    auto& format = fills_[{colour, bold}];
    if (!format) {
      format = workbook_add_format(wb_);
      if (!colour.empty()) format_set_bg_color(format, Colour(colour));
      if (bold) format_set_bold(format);
      format_set_align(format, LXW_ALIGN_CENTER);
      format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
      format_set_border(format, LXW_BORDER_THIN);
    }
    return format;
  }

  // A link in a column that wraps (the evidence files, the skills matrix's
  // competences), so its text never prints cut; made when first needed, so
  // workbooks without one keep their bytes.
  lxw_format* WrappedLink() {
    if (!link_wrap_) {
      link_wrap_ = workbook_add_format(wb_);
      format_set_underline(link_wrap_, LXW_UNDERLINE_SINGLE);
      format_set_font_color(link_wrap_, 0x1F5FA8);
      format_set_align(link_wrap_, LXW_ALIGN_VERTICAL_TOP);
      format_set_text_wrap(link_wrap_);
    }
    return link_wrap_;
  }

  void WriteCell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& cell,
                 const Column* column) {
    lxw_format* format = column && column->wrap ? wrap_ : top_;
    if (!cell.fill.empty() || cell.bold) format = Fill(cell.fill, cell.bold);
    switch (cell.type) {
      case Cell::Type::kEmpty:
        if (!cell.fill.empty()) worksheet_write_blank(ws, r, c, format);
        break;
      case Cell::Type::kText:
        // Excel holds at most 65,530 links per sheet; later IDs stay text.
        if (!cell.url.empty() && links_in_sheet_++ < kMaxLinksPerSheet) {
          std::string url = cell.url;
          lxw_format* link = column && column->wrap ? WrappedLink() : link_;
          worksheet_write_url_opt(ws, r, c, url.c_str(), link, cell.text.c_str(), nullptr);
        } else {
          // Always a string: text that looks like a formula stays text.
          std::string head(Utf8Head(cell.text, kMaxCellChars));
          worksheet_write_string(ws, r, c, head.c_str(), format);
        }
        break;
      case Cell::Type::kNumber: worksheet_write_number(ws, r, c, cell.number, format); break;
      case Cell::Type::kDate:
        // Excel has no date before 1900: the date as text, not a 0.
        if (cell.text < kFirstExcelDate) {
          worksheet_write_string(ws, r, c, cell.text.c_str(), format);
        } else if (auto d = ParseDate(cell.text)) {
          lxw_datetime dt = {d->year, d->month, d->day, 0, 0, 0};
          worksheet_write_datetime(ws, r, c, &dt, date_);
        }
        break;
      case Cell::Type::kBool: worksheet_write_boolean(ws, r, c, cell.number != 0, format); break;
      case Cell::Type::kFormula:
        if (cell.text_result)
          worksheet_write_formula_str(ws, r, c, cell.text.c_str(), format, cell.result.c_str());
        else
          worksheet_write_formula_num(ws, r, c, cell.text.c_str(), format, cell.number);
        break;
    }
  }

  void Validate(lxw_worksheet* ws, lxw_row_t last_row, lxw_col_t c, const Column& column) {
    lxw_data_validation dv = {};
    std::vector<char*> list;
    if (!column.choices.empty()) {
      size_t length = 0;
      for (const auto& choice : column.choices) length += choice.size() + 1;
      if (length > 255) return;  // Excel's limit for a list typed into the rule
      for (const auto& choice : column.choices) list.push_back(const_cast<char*>(choice.c_str()));
      list.push_back(nullptr);
      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = list.data();
    } else if (column.has_range) {
      dv.validate = LXW_VALIDATION_TYPE_INTEGER;
      dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      dv.minimum_number = static_cast<double>(column.min);
      dv.maximum_number = static_cast<double>(column.max);
    } else {
      return;
    }
    worksheet_data_validation_range(ws, 1, c, last_row, c, &dv);
  }

  // A table's column names are unique, case-insensitively: a repeated
  // header gets " (2)".
  std::vector<std::string> UniqueHeaders(const Sheet& sheet) const {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& column : sheet.columns) {
      std::string header = column.header.empty() ? model_.words.column : column.header;
      std::string unique = header;
      for (int n = 2; !seen.insert(Lowercase(unique)).second; ++n)
        unique = header + " (" + std::to_string(n) + ")";
      out.push_back(unique);
    }
    return out;
  }

  // An Excel Table over the header and the rows (at least one, as Excel
  // needs), without banding (the cells' own colours show), with the
  // computed columns' formulas for rows added later.
  void AddTable(lxw_worksheet* ws, const Sheet& sheet, const std::vector<Cell>& headers) {
    std::vector<lxw_table_column> columns(headers.size());
    std::vector<lxw_table_column*> pointers;
    std::vector<std::string> texts, formulas;
    texts.reserve(headers.size());
    formulas.reserve(headers.size());
    std::string name = TableName(sheet.name);
    for (size_t c = 0; c < headers.size(); ++c) {
      texts.push_back(headers[c].text);
      // [@[Impact]] -> Risks[@[Impact]]: the form Excel itself writes.
      std::string formula = sheet.columns[c].table_formula;
      for (size_t at = formula.find("[@"); at != std::string::npos;
           at = formula.find("[@", at + name.size() + 2))
        formula.insert(at, name);
      formulas.push_back(formula);
      columns[c].header = texts.back().data();
      if (!formulas.back().empty()) columns[c].formula = formulas.back().data();
      pointers.push_back(&columns[c]);
    }
    pointers.push_back(nullptr);
    lxw_table_options options = {};
    options.name = name.data();
    options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    options.style_type_number = 1;
    options.no_banded_rows = LXW_TRUE;
    options.columns = pointers.data();
    worksheet_add_table(ws, 0, 0, static_cast<lxw_row_t>(std::max<size_t>(sheet.RowCount(), 1)),
                        static_cast<lxw_col_t>(headers.size() - 1), &options);
  }

  // "Treatment plan" -> "Treatment_plan": letters, digits and '_', unique.
  std::string TableName(const std::string& sheet_name) {
    std::string name;
    for (unsigned char c : sheet_name)
      name += std::isalnum(c) && c < 128 ? static_cast<char>(c) : '_';
    // Not a cell reference such as "FY2026": no digit first or last.
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) name = "Table_" + name;
    if (std::isdigit(static_cast<unsigned char>(name.back()))) name += "_";
    std::string unique = name;
    for (int n = 2; !table_names_.insert(Lowercase(unique)).second; ++n)
      unique = name + "_" + std::to_string(n);
    return unique;
  }

  // Unique in the workbook, case-insensitively.
  std::string SheetName(const std::string& wanted) {
    std::string name = ValidSheetName(wanted);
    std::string unique = name;
    for (int n = 2; !used_names_.insert(Lowercase(unique)).second; ++n) {
      std::string suffix = " (" + std::to_string(n) + ")";
      unique = Utf8Prefix(name, 31 - suffix.size()) + suffix;
    }
    return unique;
  }

  static std::string Lowercase(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  void WriteSheet(const Sheet& sheet) {
    std::string name = SheetName(sheet.name);
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) return;  // cannot happen with a cleaned, unique name
    links_in_sheet_ = 0;
    for (size_t c = 0; c < sheet.columns.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           sheet.columns[c].width, nullptr);
    lxw_row_t offset = 0;
    bool table = sheet.is_table && !streamed_ && !sheet.columns.empty();
    if (sheet.is_table) {
      std::vector<Cell> headers;
      for (const auto& header : UniqueHeaders(sheet)) headers.push_back(Cell::Text(header));
      // The table first: it writes its headers and column formulas, which
      // the cells below then overwrite with their styles and cached values.
      if (table) AddTable(ws, sheet, headers);
      SetHeight(ws, 0, sheet, headers, true);
      for (size_t c = 0; c < headers.size(); ++c)
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headers[c].text.c_str(), header_);
      offset = 1;
    }
    for (size_t r = 0; r < sheet.RowCount(); ++r) {
      const std::vector<Cell> row = sheet.Row(r);
      // Constant-memory mode: a row's height before its cells.
      SetHeight(ws, static_cast<lxw_row_t>(r + offset), sheet, row);
      for (size_t c = 0; c < row.size(); ++c)
        WriteCell(ws, static_cast<lxw_row_t>(r + offset), static_cast<lxw_col_t>(c), row[c],
                  c < sheet.columns.size() ? &sheet.columns[c] : nullptr);
    }
    if (sheet.is_table && !sheet.columns.empty()) {
      lxw_row_t last_row = static_cast<lxw_row_t>(std::max<size_t>(sheet.RowCount(), 1));
      lxw_col_t last_col = static_cast<lxw_col_t>(sheet.columns.size() - 1);
      worksheet_freeze_panes(ws, 1, static_cast<lxw_col_t>(sheet.frozen_columns));
      if (!table) worksheet_autofilter(ws, 0, 0, last_row, last_col);  // a Table has its own
      worksheet_repeat_rows(ws, 0, 0);
      worksheet_repeat_columns(ws, 0, 0);
      for (size_t c = 0; c < sheet.columns.size(); ++c)
        Validate(ws, last_row, static_cast<lxw_col_t>(c), sheet.columns[c]);
    }
    for (const auto& h : sheet.highlights) {
      lxw_conditional_format cf = {};
      cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
      std::string formula = h.formula;
      cf.value_string = formula.data();
      cf.format = Fill(h.fill, false);
      auto col = static_cast<lxw_col_t>(h.column);
      if (h.row >= 0) {
        auto row = static_cast<lxw_row_t>(h.row) + offset;
        worksheet_conditional_format_range(ws, row, col, row, col, &cf);
      } else if (sheet.is_table) {
        lxw_row_t last_row = static_cast<lxw_row_t>(std::max<size_t>(sheet.RowCount(), 1));
        worksheet_conditional_format_range(ws, 1, col, last_row, col, &cf);
      }
    }
    for (const auto& chart : sheet.charts) AddChart(ws, name, chart, offset);
    PrintLayout(ws, name);
  }

  // A line chart over the sheet's own rows; markers on measured values, a
  // gap where a value is blank, the legend below so the plot keeps its width.
  void AddChart(lxw_worksheet* ws, const std::string& sheet_name, const Chart& chart,
                lxw_row_t offset) {
    lxw_chart* c = workbook_add_chart(wb_, LXW_CHART_LINE);
    auto first = static_cast<lxw_row_t>(chart.first_row) + offset;
    auto last = static_cast<lxw_row_t>(chart.last_row) + offset;
    auto category = static_cast<lxw_col_t>(chart.category_column);
    for (const auto& line : chart.lines) {
      lxw_chart_series* series = chart_add_series(c, nullptr, nullptr);
      chart_series_set_categories(series, sheet_name.c_str(), first, category, last, category);
      auto column = static_cast<lxw_col_t>(line.column);
      chart_series_set_values(series, sheet_name.c_str(), first, column, last, column);
      chart_series_set_name(series, line.name.c_str());
      lxw_chart_line style = {};
      style.color = Colour(line.colour);
      style.width = line.dashed ? 1.5f : 2.25f;
      style.dash_type = line.dashed ? LXW_CHART_LINE_DASH_DASH : LXW_CHART_LINE_DASH_SOLID;
      chart_series_set_line(series, &style);
      chart_series_set_marker_type(series,
                                   line.dashed ? LXW_CHART_MARKER_NONE : LXW_CHART_MARKER_CIRCLE);
    }
    // 11 pt, like the cells: printed at kPrintScale it stays readable.
    lxw_chart_font font = {};
    font.size = 11;
    lxw_chart_font title_font = font;
    title_font.size = 12;
    title_font.bold = LXW_TRUE;
    chart_title_set_name(c, chart.title.c_str());
    chart_title_set_name_font(c, &title_font);
    chart_axis_set_name(c->y_axis, chart.y_axis.c_str());
    chart_axis_set_name_font(c->y_axis, &font);
    chart_axis_set_num_font(c->y_axis, &font);
    chart_axis_set_num_font(c->x_axis, &font);
    chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
    chart_legend_set_font(c, &font);
    chart_show_blanks_as(c, LXW_CHART_BLANKS_AS_GAP);
    lxw_chart_options options = {};
    options.x_scale = 1.25;
    options.y_scale = 1;
    std::string description = chart.title;  // alt text for screen readers
    options.description = description.data();
    worksheet_insert_chart_opt(ws, static_cast<lxw_row_t>(chart.at_row),
                               static_cast<lxw_col_t>(chart.at_column), c, &options);
  }

  // A4 landscape at a scale that stays readable (kPrintScale), across
  // pages then down, so each band of rows reads left to right; a header
  // naming the organisation, register and sheet, and the as-of date and
  // revision the figures are from; a page count in the footer.
  void PrintLayout(lxw_worksheet* ws, const std::string& sheet_name) {
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_set_print_scale(ws, kPrintScale);
    worksheet_print_across(ws);
    worksheet_set_margins(ws, 0.4, 0.4, 0.8, 0.6);  // room for a two-line header
    // Excel allows 255 characters in a header or footer: the labels' words
    // get 16 bytes each.
    std::string header =
        "&L" + EscapeHeaderFooter(Utf8Prefix(model_.company, 60)) + "&C" +
        EscapeHeaderFooter(Utf8Prefix(model_.title + " - " + sheet_name, 80)) + "&R" +
        EscapeHeaderFooter(
            Utf8Prefix(model_.words.as_of, 16) + " " + model_.created + "\n" +
            Utf8Prefix(model_.words.revision, 16) + " " +
            Utf8Prefix(model_.revision.empty() ? model_.words.not_in_git : model_.revision, 60));
    worksheet_set_header(ws, header.c_str());
    std::string footer = "&L" +
                         EscapeHeaderFooter(Utf8Prefix(model_.title + " - " + sheet_name, 100)) +
                         "&R" + EscapeHeaderFooter(Utf8Prefix(model_.words.page, 16)) + " &P " +
                         EscapeHeaderFooter(Utf8Prefix(model_.words.of, 16)) + " &N";
    worksheet_set_footer(ws, footer.c_str());
  }

  // A row as high as its longest wrapped text (15 pt a line, Calibri 11);
  // one-line rows keep the default height.
  void SetHeight(lxw_worksheet* ws, lxw_row_t r, const Sheet& sheet, const std::vector<Cell>& row,
                 bool header = false) {
    int lines = 1;
    for (size_t c = 0; c < row.size() && c < sheet.columns.size(); ++c) {
      const Cell& cell = row[c];
      if (cell.type != Cell::Type::kText || !(header || sheet.columns[c].wrap)) continue;
      // Bold headers are wider than text: a character's room less.
      lines = std::max(lines, WrappedLines(cell.text, sheet.columns[c].width - (header ? 1 : 0)));
    }
    if (lines > 1)
      worksheet_set_row(ws, r, std::min(15.0 * lines, kMaxRowHeight), header ? header_ : nullptr);
  }

  const Workbook& model_;
  std::string tmpdir_, title_, company_;
  lxw_workbook* wb_ = nullptr;
  lxw_format *header_ = nullptr, *top_ = nullptr, *wrap_ = nullptr, *date_ = nullptr,
             *link_ = nullptr, *link_wrap_ = nullptr;
  std::map<std::pair<std::string, bool>, lxw_format*> fills_;
  size_t links_in_sheet_ = 0;
  std::set<std::string> used_names_, table_names_;
  bool streamed_ = false;  // constant-memory mode: no Tables
  static constexpr size_t kMaxLinksPerSheet = 65530;
  static constexpr double kMaxRowHeight = 409;  // points, Excel's limit
};

}  // namespace

std::string ValidSheetName(const std::string& wanted) {
  std::string name;
  for (char c : wanted) name += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
  while (!name.empty() && name.front() == '\'') name.erase(0, 1);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  return name.empty() ? "Sheet" : Utf8Prefix(name, 31);
}

std::string ColumnLetters(int column) {
  std::string out;
  for (int n = column + 1; n > 0; n = (n - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

int WrappedLines(const std::string& text, double width) {
  // Room for a character less than the width: Excel pads the cell.
  const size_t room = static_cast<size_t>(std::max(1.0, width - 1));
  int lines = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    // Greedy word wrap of one paragraph, counting characters, not bytes.
    size_t used = 0;
    int paragraph = 1;
    for (const std::string& word : SplitWords(text.substr(start, end - start))) {
      size_t length = CountCodePoints(word);
      size_t need = used == 0 ? length : used + 1 + length;
      if (need <= room) {
        used = need;
        continue;
      }
      if (used > 0) ++paragraph;
      paragraph += static_cast<int>((length - 1) / room);  // a word longer than a line
      used = (length - 1) % room + 1;
    }
    lines += paragraph;
    start = end + 1;
  }
  return std::max(lines, 1);
}

std::string WriteXlsx(const Workbook& workbook, const std::string& path,
                      const std::string& tmpdir) {
  return XlsxWriter(workbook, path, tmpdir).Write();
}

}  // namespace smsdoc
