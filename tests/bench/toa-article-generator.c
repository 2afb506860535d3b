/* toa-article-generator.c — deterministic Vietnamese articles for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Articles are assembled from templates in the register of a provincial
 * Department of Industry and Trade: a title, a lead that opens with the
 * date, 600–900 words of body in paragraphs, a byline "Name - P. CODE".
 * Templates hold slots ("{PERSON}", "{CCN}", "{N}") that the PRNG fills
 * in, so that titles, names, numbers and places vary from one article to
 * the next while staying plausible.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "toa-article-generator.h"

struct _ToaArticleGenerator
{
  guint64 state;
  /* Per article: what every slot of that name refers to, so that the
   * title, lead and body agree. */
  guint32     event_julian;
  int         year;
  const char *province;
  const char *period;
  const char *place;
  const char *cluster;
  const char *product;
  char        headline_pct[16];
  char        headline_money[16];
};

/* ---- PRNG: splitmix64, small and with no state beyond one word ---- */

static guint64
next_u64 (ToaArticleGenerator *self)
{
  guint64 z = (self->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* A number in [low, high]. The modulo bias is irrelevant for test data. */
static int
next_range (ToaArticleGenerator *self,
            int                  low,
            int                  high)
{
  g_assert (high >= low);
  return low + (int) (next_u64 (self) % (guint64) (high - low + 1));
}

#define PICK(self, array) ((array)[next_range ((self), 0, G_N_ELEMENTS (array) - 1)])

/* ---- Vocabulary ---- */

static const char *const offices[] = { "QLCN", "QLTM", "KHTCTH", "VP" };

static const char *const provinces[] = {
  "Khánh Hòa", "Nghệ An", "Quảng Ngãi", "Lâm Đồng", "Đồng Tháp", "Thanh Hóa", "Gia Lai",
  "Tây Ninh", "Vĩnh Long", "Quảng Trị",
};

static const char *const places[] = {
  "xã Tân Phú", "phường Hòa Thắng", "xã Phước Lộc", "xã Long Điền", "phường Bình Minh",
  "xã Ninh Sơn", "phường Xuân An", "xã Đông Hải", "xã Mỹ Thạnh", "phường Thanh Hà",
  "xã Cam Lâm", "xã Diên Thọ", "phường Hưng Phúc", "xã Quỳnh Lưu", "xã An Nhơn",
};

static const char *const clusters[] = {
  "Cụm công nghiệp Tân Phú", "Cụm công nghiệp Phước Lộc", "Cụm công nghiệp Long Điền",
  "Cụm công nghiệp Đông Hải", "Cụm công nghiệp Diên Thọ", "Cụm công nghiệp Mỹ Thạnh",
  "Cụm công nghiệp làng nghề An Nhơn",
};

static const char *const venues[] = {
  "hội trường Sở Công Thương", "Trung tâm Hội nghị tỉnh", "hội trường Ủy ban nhân dân tỉnh",
  "Nhà văn hóa Lao động tỉnh", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp",
};

static const char *const agencies[] = {
  "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nông nghiệp và Môi trường",
  "Chi cục Quản lý thị trường", "Công ty Điện lực tỉnh", "Hiệp hội Doanh nghiệp tỉnh",
  "Ban Quản lý các khu công nghiệp", "Liên minh Hợp tác xã tỉnh", "Cục Thuế tỉnh",
  "Công an tỉnh",
};

static const char *const products[] = {
  "nước mắm truyền thống", "yến sào", "cà phê rang xay", "mật ong rừng", "nem chua",
  "bánh tráng", "chiếu cói", "gốm thủ công", "nước cốt dừa", "trà túi lọc", "tinh dầu sả",
  "xoài sấy dẻo", "hạt điều rang muối", "mây tre đan", "tương ớt",
};

static const char *const companies[] = {
  "Công ty TNHH Thực phẩm Phú Gia", "Công ty Cổ phần Cơ khí Tân Long",
  "Hợp tác xã Nông nghiệp Phước Lộc", "Công ty TNHH Gốm Việt Sơn",
  "Công ty Cổ phần May Hòa Thắng", "Hợp tác xã Dịch vụ Mỹ Thạnh",
  "Công ty TNHH Năng lượng Xanh Đông Hải", "Cơ sở sản xuất Bánh tráng Cô Ba",
};

static const char *const family_names[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
  "Hồ", "Ngô", "Dương", "Lý",
};

static const char *const male_middle[] = { "Văn", "Hữu", "Quốc", "Đức", "Minh", "Thanh", "Công" };
static const char *const female_middle[] = { "Thị", "Ngọc", "Thu", "Hoài", "Thanh", "Kim", "Mỹ" };
static const char *const male_given[] = {
  "An", "Bình", "Dũng", "Hùng", "Long", "Nam", "Phong", "Quân", "Sơn", "Tuấn", "Khoa", "Nghĩa",
  "Phúc", "Thắng", "Hiếu", "Lộc",
};
static const char *const female_given[] = {
  "Hà", "Hạnh", "Lan", "Thảo", "Trang", "Vy", "Yến", "Hương", "Nhung", "Oanh", "Loan", "Mai",
  "Ngân", "Quyên",
};

static const char *const roles[] = {
  "Giám đốc Sở Công Thương", "Phó Giám đốc Sở Công Thương",
  "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Trưởng phòng Quản lý Công nghiệp",
  "Trưởng phòng Quản lý Thương mại", "Chánh Văn phòng Sở",
  "Giám đốc Trung tâm Khuyến công và Tư vấn phát triển công nghiệp",
  "Chi cục trưởng Chi cục Quản lý thị trường", "Chủ tịch Hiệp hội Doanh nghiệp tỉnh",
  "Trưởng phòng Kế hoạch - Tài chính - Tổng hợp",
};

static const char *const periods[] = {
  "quý I", "6 tháng đầu năm", "9 tháng đầu năm", "tháng 10", "quý III", "10 tháng đầu năm",
};

static const char *const day_parts[] = { "Sáng ngày", "Chiều ngày", "Ngày", "Sáng ngày", "Ngày" };

static const char *const categories[] = { "Tin tức", "Thông báo", "Sự kiện" };

/* ---- Templates ---- */

typedef struct
{
  int         office;     /* index into offices[] */
  int         category;   /* index into categories[] */
  const char *title;
  const char *lead;       /* what happened, after "Sáng ngày dd/mm/yyyy, " */
  const char *tags;
} Topic;

static const Topic topics[] = {
  { 0, 0, "Hội nghị triển khai chương trình khuyến công năm {Y}",
    "Sở Công Thương tỉnh {PROV} tổ chức Hội nghị triển khai chương trình khuyến công năm {Y} tại "
    "{VENUE}. Dự hội nghị có {PERSON}; đại diện {AGENCY}, {AGENCY} và {N2} cơ sở công nghiệp "
    "nông thôn trên địa bàn tỉnh.", "khuyến công,công nghiệp nông thôn" },
  { 0, 2, "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm {Y}",
    "Hội đồng bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh {PROV} đã họp đánh "
    "giá {N} sản phẩm của {N} cơ sở, doanh nghiệp đăng ký tham gia. Phiên họp do {PERSON} chủ "
    "trì.", "công nghiệp nông thôn,sản phẩm tiêu biểu" },
  { 0, 0, "Kiểm tra tiến độ đầu tư hạ tầng {HCCN}",
    "Đoàn công tác của Sở Công Thương tỉnh {PROV} do {PERSON} làm trưởng đoàn đã kiểm tra tiến "
    "độ đầu tư xây dựng hạ tầng kỹ thuật {HCCN}, {HPLACE}.", "cụm công nghiệp,đầu tư" },
  { 0, 0, "Tập huấn sử dụng năng lượng tiết kiệm và hiệu quả cho doanh nghiệp",
    "Sở Công Thương tỉnh {PROV} phối hợp với {AGENCY} tổ chức lớp tập huấn về sử dụng năng "
    "lượng tiết kiệm và hiệu quả cho {N2} học viên là cán bộ quản lý năng lượng của các doanh "
    "nghiệp trên địa bàn.", "tiết kiệm năng lượng" },
  { 0, 1, "Thông báo tiếp nhận hồ sơ đề nghị hỗ trợ kinh phí khuyến công năm {Y}",
    "Sở Công Thương tỉnh {PROV} thông báo tiếp nhận hồ sơ đề nghị hỗ trợ kinh phí khuyến công "
    "địa phương năm {Y} đối với các cơ sở công nghiệp nông thôn đáp ứng điều kiện theo quy "
    "định.", "khuyến công,thông báo" },
  { 1, 2, "Khai mạc Hội chợ Công Thương tỉnh {PROV} năm {Y}",
    "tại {HPLACE}, Sở Công Thương tỉnh {PROV} khai mạc Hội chợ Công Thương năm {Y} với {N2} gian "
    "hàng của doanh nghiệp, hợp tác xã trong và ngoài tỉnh. Dự lễ khai mạc có {PERSON}.",
    "hội chợ,xúc tiến thương mại" },
  { 1, 0, "Tăng cường kiểm tra, kiểm soát thị trường dịp cuối năm {Y}",
    "Sở Công Thương tỉnh {PROV} chủ trì cuộc họp với {AGENCY} và {AGENCY} bàn giải pháp tăng "
    "cường kiểm tra, kiểm soát thị trường, bình ổn giá cả các mặt hàng thiết yếu dịp cuối năm "
    "{Y}.", "quản lý thị trường,bình ổn giá" },
  { 1, 0, "Tập huấn kỹ năng bán hàng trên sàn thương mại điện tử cho hợp tác xã",
    "Sở Công Thương tỉnh {PROV} tổ chức lớp tập huấn kỹ năng bán hàng trên sàn thương mại điện "
    "tử cho {N2} học viên đến từ các hợp tác xã, cơ sở sản xuất có sản phẩm OCOP.",
    "thương mại điện tử,OCOP" },
  { 1, 2, "Kết nối cung cầu, đưa sản phẩm OCOP vào hệ thống phân phối hiện đại",
    "Sở Công Thương tỉnh {PROV} phối hợp với {AGENCY} tổ chức Hội nghị kết nối cung cầu hàng "
    "hóa, thu hút {N2} doanh nghiệp phân phối, siêu thị và cơ sở sản xuất tham gia.",
    "OCOP,kết nối cung cầu" },
  { 1, 1, "Thông báo mời doanh nghiệp tham gia Chương trình xúc tiến thương mại năm {Y}",
    "Sở Công Thương tỉnh {PROV} thông báo mời các doanh nghiệp, hợp tác xã đăng ký tham gia các "
    "hoạt động thuộc Chương trình xúc tiến thương mại năm {Y}.", "xúc tiến thương mại,thông báo" },
  { 2, 0, "Sơ kết tình hình thực hiện nhiệm vụ ngành Công Thương {PERIOD_Y}",
    "Sở Công Thương tỉnh {PROV} tổ chức hội nghị sơ kết tình hình thực hiện nhiệm vụ "
    "{PERIOD_Y} và triển khai nhiệm vụ thời gian tới. Hội nghị do {PERSON} chủ trì.",
    "sơ kết,kế hoạch" },
  { 2, 0, "Chỉ số sản xuất công nghiệp {PERIOD_Y} tăng {HPCT}%",
    "theo báo cáo của Sở Công Thương tỉnh {PROV}, chỉ số sản xuất công nghiệp {PERIOD_Y} "
    "ước tăng {HPCT}% so với cùng kỳ năm trước.", "sản xuất công nghiệp,thống kê" },
  { 2, 1, "Công khai dự toán ngân sách nhà nước năm {Y} của Sở Công Thương",
    "Sở Công Thương tỉnh {PROV} công khai dự toán ngân sách nhà nước năm {Y} được Ủy ban nhân "
    "dân tỉnh giao, với tổng kinh phí {MONEY} tỷ đồng.", "ngân sách,công khai" },
  { 2, 2, "Hội thảo góp ý dự thảo kế hoạch phát triển ngành Công Thương giai đoạn 2026 - 2030",
    "Sở Công Thương tỉnh {PROV} tổ chức hội thảo lấy ý kiến góp ý dự thảo kế hoạch phát triển "
    "ngành Công Thương giai đoạn 2026 - 2030 tại {VENUE}.", "kế hoạch,hội thảo" },
  { 0, 0, "Hỗ trợ {N} cơ sở công nghiệp nông thôn ứng dụng máy móc thiết bị tiên tiến",
    "Sở Công Thương tỉnh {PROV} tổ chức nghiệm thu các đề án khuyến công hỗ trợ ứng dụng máy "
    "móc thiết bị tiên tiến tại {PLACE}, với tổng kinh phí hỗ trợ {MONEY} tỷ đồng.",
    "khuyến công,máy móc thiết bị" },
  { 0, 0, "Nâng cao giá trị sản phẩm {HPRODUCT} nhờ chương trình khuyến công",
    "Đoàn công tác của Sở Công Thương tỉnh {PROV} đã đến thăm một số cơ sở sản xuất "
    "{HPRODUCT} tại {HPLACE} được hỗ trợ từ chương trình khuyến công năm {Y}.",
    "khuyến công,sản phẩm" },
  { 1, 0, "Phiên chợ hàng Việt về {HPLACE} năm {Y}",
    "Sở Công Thương tỉnh {PROV} phối hợp với Ủy ban nhân dân {HPLACE} tổ chức Phiên chợ hàng "
    "Việt với {N} gian hàng giới thiệu, bán các sản phẩm thiết yếu phục vụ người dân.",
    "hàng Việt,phiên chợ" },
  { 1, 0, "Kiểm tra {N} cửa hàng kinh doanh xăng dầu trên địa bàn tỉnh",
    "Đoàn kiểm tra liên ngành do Sở Công Thương tỉnh {PROV} chủ trì đã kiểm tra việc chấp hành "
    "quy định về kinh doanh xăng dầu tại các cửa hàng trên địa bàn {PLACE}.",
    "xăng dầu,kiểm tra" },
  { 2, 0, "Kim ngạch xuất khẩu {PERIOD_Y} ước đạt {HMONEY} triệu USD",
    "theo số liệu của Sở Công Thương tỉnh {PROV}, kim ngạch xuất khẩu hàng hóa {PERIOD_Y} "
    "ước đạt {HMONEY} triệu USD, tăng {PCT}% so với cùng kỳ.", "xuất khẩu,thống kê" },
  { 3, 0, "Tập huấn kỹ năng soạn thảo văn bản và sử dụng chữ ký số cho công chức",
    "Văn phòng Sở Công Thương tỉnh {PROV} tổ chức lớp tập huấn kỹ năng soạn thảo văn bản hành "
    "chính và sử dụng chữ ký số cho {N} công chức, viên chức của Sở.",
    "văn thư,chữ ký số" },
  { 3, 1, "Thông báo tuyển dụng viên chức Trung tâm Khuyến công năm {Y}",
    "Sở Công Thương tỉnh {PROV} thông báo tuyển dụng {N} viên chức làm việc tại Trung tâm "
    "Khuyến công và Tư vấn phát triển công nghiệp năm {Y}.", "tuyển dụng,thông báo" },
  { 3, 1, "Thông báo lịch tiếp công dân của lãnh đạo Sở tháng {MONTH}/{Y}",
    "Văn phòng Sở Công Thương tỉnh {PROV} thông báo lịch tiếp công dân định kỳ của lãnh đạo Sở "
    "trong tháng {MONTH}/{Y} tại trụ sở cơ quan.", "tiếp công dân,thông báo" },
  { 3, 2, "Hội nghị cán bộ, công chức, viên chức và người lao động năm {Y}",
    "Sở Công Thương tỉnh {PROV} tổ chức Hội nghị cán bộ, công chức, viên chức và người lao động "
    "năm {Y}. Dự hội nghị có {PERSON} cùng toàn thể công chức, viên chức của Sở.",
    "hội nghị,công đoàn" },
  { 3, 0, "Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính lĩnh vực Công Thương",
    "Sở Công Thương tỉnh {PROV} tổ chức hội nghị triển khai các giải pháp đẩy mạnh chuyển đổi số "
    "trong tiếp nhận và giải quyết thủ tục hành chính thuộc lĩnh vực Công Thương.",
    "chuyển đổi số,cải cách hành chính" },
  { 3, 2, "Hưởng ứng Ngày Pháp luật Việt Nam năm {Y}",
    "Sở Công Thương tỉnh {PROV} tổ chức buổi sinh hoạt chuyên đề hưởng ứng Ngày Pháp luật nước "
    "Cộng hòa xã hội chủ nghĩa Việt Nam năm {Y} tại {VENUE}.", "pháp luật,tuyên truyền" },
};

/* Sentences for the body, by office; the last pool is shared by all. */
static const char *const sentences_qlcn[] = {
  "Năm {Y}, kinh phí khuyến công địa phương được giao là {MONEY} tỷ đồng, tập trung hỗ trợ {N} đề án ứng dụng máy móc thiết bị tiên tiến vào sản xuất.",
  "Các đề án khuyến công đã góp phần giúp cơ sở nâng cao năng suất lao động, giảm chi phí sản xuất và tạo việc làm ổn định cho {N2} lao động nông thôn.",
  "{CCN} có diện tích quy hoạch {N} ha, đến nay đã thu hút {N} dự án đầu tư với tổng vốn đăng ký khoảng {MONEY} tỷ đồng.",
  "Tỷ lệ lấp đầy của {CCN} đạt {PCT}%, tuy nhiên hệ thống xử lý nước thải tập trung vẫn chưa được đầu tư hoàn chỉnh.",
  "Đoàn kiểm tra đề nghị chủ đầu tư khẩn trương hoàn thiện hồ sơ về đất đai, môi trường và phòng cháy, chữa cháy theo đúng quy định.",
  "Nhiều sản phẩm như {PRODUCT}, {PRODUCT} đã được đầu tư cải tiến mẫu mã, bao bì và đăng ký nhãn hiệu.",
  "Qua chấm điểm, Hội đồng thống nhất đề xuất công nhận {N} sản phẩm đạt danh hiệu sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh.",
  "Các sản phẩm được công nhận sẽ được hỗ trợ tham gia bình chọn cấp khu vực và quảng bá tại các hội chợ, triển lãm trong và ngoài tỉnh.",
  "Theo báo cáo, trên địa bàn tỉnh hiện có {N} cơ sở sử dụng năng lượng trọng điểm, phần lớn thuộc ngành chế biến thực phẩm, vật liệu xây dựng và dệt may.",
  "Các chuyên gia đã hướng dẫn học viên phương pháp kiểm toán năng lượng, xây dựng kế hoạch sử dụng năng lượng hằng năm và thực hiện chế độ báo cáo định kỳ.",
  "Nhiều doanh nghiệp đã lắp đặt hệ thống điện mặt trời mái nhà, thay thế động cơ hiệu suất thấp và tiết kiệm từ {PCT}% đến {PCT}% chi phí điện năng.",
  "Đại diện {BIZ} cho biết, nhờ được hỗ trợ lò sấy tiết kiệm năng lượng, thời gian sấy sản phẩm {PRODUCT} giảm gần một nửa so với trước.",
  "Hồ sơ đề nghị hỗ trợ gồm đơn đăng ký, đề án khuyến công, bản sao giấy chứng nhận đăng ký kinh doanh và các tài liệu liên quan.",
  "Thời gian tiếp nhận hồ sơ đến hết ngày {DATE}; hồ sơ nộp trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh hoặc qua dịch vụ công trực tuyến.",
  "Lãnh đạo Sở đề nghị các địa phương rà soát nhu cầu của cơ sở công nghiệp nông thôn để xây dựng đề án khuyến công sát với thực tế.",
  "Công tác quản lý cụm công nghiệp còn gặp khó khăn do nguồn vốn đầu tư hạ tầng hạn chế và thủ tục giao đất, cho thuê đất kéo dài.",
};

static const char *const sentences_qltm[] = {
  "Hội chợ diễn ra trong {DAYS} ngày, trưng bày các sản phẩm công nghiệp, thủ công mỹ nghệ, hàng tiêu dùng và đặc sản của địa phương.",
  "Nhiều gian hàng giới thiệu sản phẩm OCOP như {PRODUCT}, {PRODUCT} và {PRODUCT} thu hút đông đảo người dân đến tham quan, mua sắm.",
  "Ban tổ chức dự kiến hội chợ sẽ đón khoảng {THOUSANDS} lượt khách, doanh thu bán hàng ước đạt {MONEY} tỷ đồng.",
  "Từ đầu năm đến nay, lực lượng quản lý thị trường đã kiểm tra {N2} vụ việc, xử lý {N} vụ vi phạm, thu nộp ngân sách hơn {MONEY} tỷ đồng.",
  "Các hành vi vi phạm chủ yếu là kinh doanh hàng hóa không rõ nguồn gốc, hàng giả mạo nhãn hiệu và không niêm yết giá theo quy định.",
  "Sở Công Thương đề nghị các doanh nghiệp phân phối chủ động dự trữ hàng hóa thiết yếu, tham gia chương trình bình ổn giá và không để xảy ra tình trạng khan hàng, sốt giá.",
  "Hiện nay, tỷ lệ doanh nghiệp trên địa bàn tỉnh có website bán hàng hoặc gian hàng trên sàn thương mại điện tử đạt khoảng {PCT}%.",
  "Học viên được hướng dẫn cách chụp ảnh sản phẩm, viết nội dung giới thiệu, livestream bán hàng và quản lý đơn hàng trên các sàn thương mại điện tử.",
  "Đại diện {BIZ} chia sẻ, sau khi đưa sản phẩm {PRODUCT} lên sàn thương mại điện tử, doanh số bán hàng của đơn vị tăng khoảng {PCT}%.",
  "Tại hội nghị, {N} biên bản ghi nhớ hợp tác tiêu thụ sản phẩm đã được ký kết giữa các cơ sở sản xuất và doanh nghiệp phân phối.",
  "Toàn tỉnh hiện có {N2} sản phẩm được công nhận đạt chuẩn OCOP từ 3 sao trở lên, trong đó có {N} sản phẩm đạt 4 sao.",
  "Các siêu thị cam kết dành khu vực trưng bày riêng cho sản phẩm OCOP và hỗ trợ chi phí vận chuyển đối với các đơn hàng đầu tiên.",
  "Doanh nghiệp quan tâm đăng ký tham gia gửi phiếu đăng ký về Phòng Quản lý Thương mại, Sở Công Thương trước ngày {DATE}.",
  "Chương trình năm {Y} gồm {N} hoạt động, trong đó có tổ chức đoàn doanh nghiệp tham gia hội chợ tại các tỉnh, thành phố và hội nghị giao thương trực tuyến.",
  "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng {PERIOD} ước đạt {MONEY} nghìn tỷ đồng, tăng {PCT}% so với cùng kỳ.",
  "Người tiêu dùng phát hiện hành vi vi phạm có thể phản ánh qua đường dây nóng của Sở Công Thương để được tiếp nhận, xử lý kịp thời.",
};

static const char *const sentences_khtcth[] = {
  "Giá trị sản xuất công nghiệp {PERIOD} ước đạt {MONEY} nghìn tỷ đồng, đạt {PCT}% kế hoạch năm.",
  "Một số sản phẩm công nghiệp chủ lực có mức tăng khá như chế biến thủy sản, điện sản xuất, may mặc và vật liệu xây dựng.",
  "Kim ngạch xuất khẩu {PERIOD} ước đạt {MONEY} triệu USD, tăng {PCT}% so với cùng kỳ năm trước.",
  "Bên cạnh kết quả đạt được, ngành Công Thương vẫn còn những khó khăn do đơn hàng xuất khẩu giảm và chi phí đầu vào tăng cao.",
  "Dự toán được phân bổ cho các nhiệm vụ chi thường xuyên, chi sự nghiệp kinh tế, khuyến công và xúc tiến thương mại.",
  "Nội dung công khai được niêm yết tại trụ sở cơ quan và đăng tải trên Cổng thông tin điện tử của Sở trong thời gian ít nhất {N} ngày.",
  "Các đại biểu đã đóng góp nhiều ý kiến về mục tiêu, chỉ tiêu và giải pháp phát triển công nghiệp, thương mại, năng lượng trong giai đoạn tới.",
  "Dự thảo xác định phát triển công nghiệp chế biến, năng lượng tái tạo và thương mại hiện đại là những lĩnh vực ưu tiên.",
  "Sở Công Thương sẽ tiếp thu, hoàn chỉnh dự thảo để trình Ủy ban nhân dân tỉnh xem xét, phê duyệt trước ngày {DATE}.",
  "Tỷ lệ giải ngân vốn đầu tư công của Sở đến nay đạt {PCT}% kế hoạch vốn được giao.",
  "Ngành phấn đấu hoàn thành các chỉ tiêu chủ yếu năm {Y}, trong đó chỉ số sản xuất công nghiệp tăng từ {PCT}% trở lên.",
  "Lãnh đạo Sở yêu cầu các phòng, đơn vị theo dõi sát tình hình sản xuất kinh doanh, kịp thời tham mưu tháo gỡ khó khăn cho doanh nghiệp.",
  "Sản lượng điện thương phẩm {PERIOD} ước đạt {N2} triệu kWh, đáp ứng đầy đủ nhu cầu sản xuất và sinh hoạt của nhân dân.",
  "Công tác thanh tra, kiểm tra được thực hiện đúng kế hoạch, không có đơn thư khiếu nại, tố cáo kéo dài thuộc thẩm quyền giải quyết của Sở.",
};

static const char *const sentences_vp[] = {
  "Lịch tiếp công dân được thực hiện vào sáng thứ Năm của tuần thứ hai và tuần thứ tư trong tháng, tại phòng tiếp công dân của Sở.",
  "Công dân đến liên hệ cần mang theo giấy tờ tùy thân và các tài liệu liên quan đến nội dung khiếu nại, kiến nghị, phản ánh.",
  "Trường hợp lịch tiếp trùng ngày nghỉ lễ, Văn phòng Sở sẽ thông báo lịch bù trên Cổng thông tin điện tử của Sở.",
  "Hội nghị đã thông qua báo cáo kết quả thực hiện nhiệm vụ năm trước, quy chế chi tiêu nội bộ và quy chế dân chủ ở cơ sở.",
  "Toàn thể công chức, viên chức và người lao động đã ký giao ước thi đua, quyết tâm hoàn thành xuất sắc nhiệm vụ năm {Y}.",
  "Dịp này, {N} tập thể và {N} cá nhân có thành tích xuất sắc được khen thưởng.",
  "Đến nay, {N2} thủ tục hành chính thuộc thẩm quyền giải quyết của Sở đã được cung cấp dịch vụ công trực tuyến toàn trình.",
  "Tỷ lệ hồ sơ được giải quyết đúng và trước hạn đạt {PCT}%, không có hồ sơ trễ hạn.",
  "Sở đã triển khai ký số trên văn bản điện tử, số hóa kết quả giải quyết thủ tục hành chính và kết nối với hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
  "Báo cáo viên đã giới thiệu những điểm mới của các luật có hiệu lực trong năm {Y} liên quan đến lĩnh vực Công Thương.",
  "Thông qua buổi sinh hoạt, công chức, viên chức nâng cao ý thức chấp hành pháp luật và trách nhiệm trong thực thi công vụ.",
  "Văn phòng Sở đề nghị các phòng, đơn vị tiếp tục rà soát, cắt giảm thành phần hồ sơ và thời gian giải quyết thủ tục hành chính.",
  "Người dân, doanh nghiệp có thể tra cứu tình trạng hồ sơ bằng mã số được cấp khi nộp hồ sơ trực tuyến.",
  "Công tác văn thư, lưu trữ được thực hiện nền nếp; {PCT}% văn bản đi, đến được xử lý trên môi trường mạng.",
};

static const char *const sentences_shared[] = {
  "Phát biểu tại {EVENT}, {PERSON} đánh giá cao sự phối hợp của các sở, ngành và địa phương trong thời gian qua.",
  "{PERSON} đề nghị các đơn vị liên quan tiếp tục phối hợp chặt chẽ, chủ động tháo gỡ khó khăn, vướng mắc cho doanh nghiệp.",
  "Theo {PERSON}, năm {Y} là năm có ý nghĩa quan trọng, tạo nền tảng cho việc thực hiện các mục tiêu phát triển của giai đoạn tiếp theo.",
  "Tại {EVENT}, các đại biểu đã thảo luận, trao đổi nhiều nội dung thiết thực, gắn với thực tiễn sản xuất, kinh doanh tại địa phương.",
  "Đại diện {AGENCY} cho biết đơn vị sẽ tiếp tục đồng hành, hỗ trợ doanh nghiệp trong quá trình triển khai.",
  "Nhiều ý kiến cho rằng cần đơn giản hóa thủ tục, rút ngắn thời gian tiếp cận các chính sách hỗ trợ của Nhà nước.",
  "Ủy ban nhân dân {PLACE} cam kết tạo điều kiện thuận lợi về mặt bằng, an ninh trật tự để các dự án sớm đi vào hoạt động.",
  "Thời gian tới, Sở Công Thương sẽ tăng cường công tác kiểm tra, hướng dẫn và kịp thời tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
  "Theo kế hoạch, kết quả thực hiện sẽ được sơ kết vào ngày {DATE} để đánh giá, rút kinh nghiệm.",
  "Ghi nhận tại {PLACE}, nhiều hộ sản xuất đã mạnh dạn đầu tư đổi mới công nghệ, mở rộng quy mô sản xuất.",
  "Bà con cho biết, việc được hỗ trợ kịp thời đã giúp giảm bớt khó khăn, ổn định sản xuất trong bối cảnh giá nguyên liệu biến động.",
  "Các đơn vị được giao nhiệm vụ phải báo cáo kết quả thực hiện về Sở Công Thương trước ngày {DATE} để tổng hợp.",
  "Sở Công Thương đã ban hành văn bản hướng dẫn, đồng thời đăng tải đầy đủ thông tin trên Cổng thông tin điện tử của Sở.",
  "{EVENT_CAP} diễn ra trong không khí cởi mở, thẳng thắn và đạt được nhiều kết quả tích cực.",
  "Trong {PERIOD}, toàn tỉnh có thêm {N} doanh nghiệp mới đi vào hoạt động trong lĩnh vực công nghiệp chế biến, chế tạo.",
  "{PERSON} nhấn mạnh, các nhiệm vụ đề ra phải được triển khai đồng bộ, có trọng tâm, trọng điểm và phân công rõ người, rõ việc.",
  "Các doanh nghiệp kiến nghị tỉnh tiếp tục quan tâm đầu tư hạ tầng giao thông, điện và nước phục vụ sản xuất.",
  "Đây là hoạt động thiết thực nhằm triển khai Chương trình hành động của Ủy ban nhân dân tỉnh về phát triển công nghiệp và thương mại.",
  "Kết quả này có sự đóng góp quan trọng của cộng đồng doanh nghiệp, hợp tác xã và người lao động trên địa bàn tỉnh.",
  "Theo đánh giá của {AGENCY}, các chỉ tiêu đề ra cơ bản đạt và vượt kế hoạch, một số chỉ tiêu đạt cao so với cùng kỳ.",
  "Dự kiến đến cuối năm {Y}, tỉnh {PROV} sẽ hoàn thành việc rà soát, cập nhật cơ sở dữ liệu doanh nghiệp công nghiệp trên địa bàn.",
  "Lãnh đạo Sở yêu cầu các phòng chuyên môn theo dõi, đôn đốc và kịp thời báo cáo những vấn đề phát sinh vượt thẩm quyền.",
};

/* Slots in lead and body refer to "{EVENT}": what kind of meeting it was. */
static const char *const events[] = { "hội nghị", "buổi làm việc", "buổi tập huấn", "hội thảo" };

typedef struct
{
  const char *const *sentences;
  guint              n_sentences;
} Pool;

static const Pool office_pools[] = {
  { sentences_qlcn, G_N_ELEMENTS (sentences_qlcn) },
  { sentences_qltm, G_N_ELEMENTS (sentences_qltm) },
  { sentences_khtcth, G_N_ELEMENTS (sentences_khtcth) },
  { sentences_vp, G_N_ELEMENTS (sentences_vp) },
};

/* ---- Slot filling ---- */

static void
append_person_name (ToaArticleGenerator *self,
                    GString             *out,
                    gboolean            *female)
{
  *female = next_range (self, 0, 2) == 0;
  g_string_append_printf (out, "%s %s %s", PICK (self, family_names),
                          *female ? PICK (self, female_middle) : PICK (self, male_middle),
                          *female ? PICK (self, female_given) : PICK (self, male_given));
}

static void
append_person (ToaArticleGenerator *self,
               GString             *out)
{
  gboolean female = FALSE;
  g_autoptr(GString) name = g_string_new (NULL);

  append_person_name (self, name, &female);
  g_string_append_printf (out, "%s %s, %s", female ? "bà" : "ông", name->str, PICK (self, roles));
}

/* A decimal with a Vietnamese comma: "12,5". */
static void
append_decimal (ToaArticleGenerator *self,
                GString             *out,
                int                  low,
                int                  high)
{
  g_string_append_printf (out, "%d,%d", next_range (self, low, high), next_range (self, 1, 9));
}

/* A deadline or follow-up date, 10 to 90 days after the event. */
static void
append_date (ToaArticleGenerator *self,
             GString             *out)
{
  g_autoptr(GDate) date = g_date_new_julian (self->event_julian);

  g_date_add_days (date, next_range (self, 10, 90));
  g_string_append_printf (out, "%02d/%02d/%d", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

/* Thousands with a dot, as Vietnamese writes them: "12.500". */
static void
append_thousands (ToaArticleGenerator *self,
                  GString             *out)
{
  g_string_append_printf (out, "%d.%d00", next_range (self, 2, 60), next_range (self, 0, 9));
}

static void
fill_slot (ToaArticleGenerator *self,
           const char          *slot,
           gsize                length,
           GString             *out)
{
  g_autofree char *name = g_strndup (slot, length);

  if (g_str_equal (name, "Y"))
    g_string_append_printf (out, "%d", self->year);
  else if (g_str_equal (name, "PROV"))
    g_string_append (out, self->province);
  else if (g_str_equal (name, "PLACE"))
    g_string_append (out, PICK (self, places));
  else if (g_str_equal (name, "CCN"))
    g_string_append (out, PICK (self, clusters));
  else if (g_str_equal (name, "VENUE"))
    g_string_append (out, PICK (self, venues));
  else if (g_str_equal (name, "AGENCY"))
    g_string_append (out, PICK (self, agencies));
  else if (g_str_equal (name, "PRODUCT"))
    g_string_append (out, PICK (self, products));
  else if (g_str_equal (name, "BIZ"))
    g_string_append (out, PICK (self, companies));
  else if (g_str_equal (name, "PERSON"))
    append_person (self, out);
  else if (g_str_equal (name, "PERIOD"))
    g_string_append (out, self->period);
  else if (g_str_equal (name, "PERIOD_Y"))
    g_string_append_printf (out, g_str_has_suffix (self->period, " năm") ? "%s %d" : "%s năm %d",
                            self->period, self->year);
  else if (g_str_equal (name, "HPLACE"))
    g_string_append (out, self->place);
  else if (g_str_equal (name, "HCCN"))
    g_string_append (out, self->cluster);
  else if (g_str_equal (name, "HPRODUCT"))
    g_string_append (out, self->product);
  else if (g_str_equal (name, "HPCT"))
    g_string_append (out, self->headline_pct);
  else if (g_str_equal (name, "HMONEY"))
    g_string_append (out, self->headline_money);
  else if (g_str_equal (name, "EVENT"))
    g_string_append (out, PICK (self, events));
  else if (g_str_equal (name, "EVENT_CAP"))
    {
      const char *event = PICK (self, events);

      /* Every event word starts with an ASCII letter. */
      g_string_append_c (out, g_ascii_toupper (event[0]));
      g_string_append (out, event + 1);
    }
  else if (g_str_equal (name, "N"))
    g_string_append_printf (out, "%d", next_range (self, 3, 48));
  else if (g_str_equal (name, "DAYS"))
    g_string_append_printf (out, "%d", next_range (self, 2, 7));
  else if (g_str_equal (name, "THOUSANDS"))
    append_thousands (self, out);
  else if (g_str_equal (name, "N2"))
    g_string_append_printf (out, "%d", next_range (self, 60, 950));
  else if (g_str_equal (name, "PCT"))
    append_decimal (self, out, 2, 28);
  else if (g_str_equal (name, "MONEY"))
    append_decimal (self, out, 1, 240);
  else if (g_str_equal (name, "MONTH"))
    g_string_append_printf (out, "%d", next_range (self, 1, 12));
  else if (g_str_equal (name, "DATE"))
    append_date (self, out);
  else
    g_error ("unknown template slot {%s}", name);
}

static void
expand (ToaArticleGenerator *self,
        const char          *template,
        GString             *out)
{
  for (const char *p = template; *p != '\0'; p++)
    {
      const char *close;

      if (*p != '{')
        {
          g_string_append_c (out, *p);
          continue;
        }
      close = strchr (p, '}');
      g_assert (close != NULL);
      fill_slot (self, p + 1, close - p - 1, out);
      p = close;
    }
}

static char *
expand_new (ToaArticleGenerator *self,
            const char          *template)
{
  GString *out = g_string_new (NULL);

  expand (self, template, out);
  return g_string_free (out, FALSE);
}

/* A sentence that opens with a slot ("{PERSON} đề nghị…") starts with
 * "ông"/"bà": capitalise its first letter. */
static char *
expand_sentence (ToaArticleGenerator *self,
                 const char          *template)
{
  g_autofree char *text = expand_new (self, template);
  const char *rest = g_utf8_next_char (text);
  char first[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (text)), first);
  return g_strconcat (first, rest, NULL);
}

/* ---- Articles ---- */

/**
 * toa_article_generator_count_words:
 * @text: UTF-8 text
 *
 * Returns: the number of runs of non-space characters in @text
 */
guint
toa_article_generator_count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        words++;
      in_word = !space;
    }
  return words;
}

/**
 * toa_article_generator_new:
 * @seed: any number; equal seeds give equal article sequences
 *
 * Returns: (transfer full): a generator, freed with toa_article_generator_free()
 */
ToaArticleGenerator *
toa_article_generator_new (guint64 seed)
{
  ToaArticleGenerator *self = g_new0 (ToaArticleGenerator, 1);

  self->state = seed;
  return self;
}

void
toa_article_generator_free (ToaArticleGenerator *self)
{
  g_free (self);
}

/* A sentence from the office's pool (or, unless @office_only, the shared
 * one), not yet used in this article while unused ones remain. */
static const char *
pick_sentence (ToaArticleGenerator *self,
               const Pool          *pool,
               gboolean             office_only,
               GPtrArray           *used)
{
  guint total = pool->n_sentences + (office_only ? 0 : G_N_ELEMENTS (sentences_shared));

  for (int attempt = 0; attempt < 16; attempt++)
    {
      guint i = (guint) next_range (self, 0, (int) total - 1);
      const char *sentence = i < pool->n_sentences
                             ? pool->sentences[i] : sentences_shared[i - pool->n_sentences];

      if (!g_ptr_array_find (used, sentence, NULL) || used->len >= total)
        {
          g_ptr_array_add (used, (gpointer) sentence);
          return sentence;
        }
    }
  return sentences_shared[next_range (self, 0, G_N_ELEMENTS (sentences_shared) - 1)];
}

/* Paragraphs of 3–6 sentences until the body reaches a word count drawn
 * in [MIN + 20, MAX - 40]; a sentence that would pass MAX is skipped.
 * The first paragraph keeps to the office's own subject. */
static char *
make_body_text (ToaArticleGenerator *self,
                const Pool          *pool)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) used = g_ptr_array_new ();
  guint target = (guint) next_range (self, TOA_ARTICLE_GENERATOR_MIN_WORDS + 20,
                                     TOA_ARTICLE_GENERATOR_MAX_WORDS - 40);
  guint words = 0;
  guint paragraphs = 0;

  while (words < target)
    {
      int n_sentences = next_range (self, 3, 6);
      gboolean started = FALSE;

      for (int s = 0; s < n_sentences && words < target; s++)
        {
          const char *template = pick_sentence (self, pool, paragraphs == 0, used);
          g_autofree char *sentence = expand_sentence (self, template);
          guint count = toa_article_generator_count_words (sentence);

          if (words + count > TOA_ARTICLE_GENERATOR_MAX_WORDS)
            continue;
          if (!started && text->len > 0)
            g_string_append (text, "\n\n");
          else if (started)
            g_string_append_c (text, ' ');
          g_string_append (text, sentence);
          started = TRUE;
          words += count;
        }
      paragraphs += started;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
make_byline (ToaArticleGenerator *self,
             const char          *office)
{
  /* Bylines use the family and given name: "Đỗ Nguyên - P. QLCN". */
  gboolean female = next_range (self, 0, 1) == 0;

  return g_strdup_printf ("%s %s - P. %s", PICK (self, family_names),
                          female ? PICK (self, female_given) : PICK (self, male_given), office);
}

static void
pick_dates (ToaArticleGenerator *self,
            ToaArticleContent   *content)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  char buffer[16];

  /* 1 January 2024 to 31 December 2026: 1,096 days. */
  g_date_add_days (date, next_range (self, 0, 1095));
  self->event_julian = g_date_get_julian (date);
  self->year = g_date_get_year (date);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  content->event_date = g_strdup (buffer);
  /* Published on the day or up to three days later. */
  g_date_add_days (date, next_range (self, 0, 3));
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  content->display_date = g_strdup (buffer);
}

static void
pick_headline (ToaArticleGenerator *self)
{
  self->province = PICK (self, provinces);
  self->period = PICK (self, periods);
  self->place = PICK (self, places);
  self->cluster = PICK (self, clusters);
  self->product = PICK (self, products);
  g_snprintf (self->headline_pct, sizeof self->headline_pct, "%d,%d",
              next_range (self, 2, 18), next_range (self, 1, 9));
  g_snprintf (self->headline_money, sizeof self->headline_money, "%d,%d",
              next_range (self, 40, 900), next_range (self, 1, 9));
}

static char *
make_lead (ToaArticleGenerator *self,
           const Topic         *topic,
           const char          *event_date)
{
  g_autoptr(GString) lead = g_string_new (NULL);
  int year, month, day;

  sscanf (event_date, "%d-%d-%d", &year, &month, &day);
  g_string_append_printf (lead, "%s %02d/%02d/%d, ", PICK (self, day_parts), day, month, year);
  expand (self, topic->lead, lead);
  return g_string_free (g_steal_pointer (&lead), FALSE);
}

/**
 * toa_article_generator_next:
 * @self: a generator
 * @office: (out) (optional): the office code
 *
 * Returns: (transfer full): the next article, every string in NFC
 */
ToaArticleContent *
toa_article_generator_next (ToaArticleGenerator  *self,
                            const char          **office)
{
  g_autoptr(ToaArticleContent) content = toa_article_content_new ();
  const Topic *topic;
  g_autofree char *body_text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  topic = &topics[next_range (self, 0, G_N_ELEMENTS (topics) - 1)];
  pick_headline (self);
  pick_dates (self, content);

  content->title = expand_new (self, topic->title);
  content->lead = make_lead (self, topic, content->event_date);
  body_text = make_body_text (self, &office_pools[topic->office]);
  content->body = toa_body_from_plain_text (body_text);
  content->byline = make_byline (self, offices[topic->office]);
  content->category = g_strdup (categories[topic->category]);
  content->tags = g_strsplit (topic->tags, ",", -1);

  if (office != NULL)
    *office = offices[topic->office];
  return g_steal_pointer (&content);
}
