//! The repair order's texts (委托书), an area of its own (`Text`): only the pages that show an
//! order carry them. One table, each key with its Simplified Chinese and English text.

use super::{Locale, Text};
use lanecheck_domain::order_command::OrderCommand;
use lanecheck_domain::DomainError;

macro_rules! order_messages {
    ($($name:ident => ($zh:literal, $en:literal)),+ $(,)?) => {
        /// A translatable message key of the repair order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum OrderMsg { $($name),+ }

        impl OrderMsg {
            pub const ALL: &'static [OrderMsg] = &[$(OrderMsg::$name),+];
        }

        impl Text for OrderMsg {
            fn text(self, locale: Locale) -> &'static str {
                match (self, locale) {
                    $((OrderMsg::$name, Locale::Zh) => $zh, (OrderMsg::$name, Locale::En) => $en,)+
                }
            }
        }
    };
}

order_messages! {
    OrderTitle => ("维修委托书", "Repair order"),
    WriteOrder => ("填写维修委托书", "Write the repair order"),
    ContinueOrder => ("继续填写委托书", "Continue the repair order"),
    ShowOrder => ("查看委托书", "Show the repair order"),
    StepDiagnosis => ("故障确认", "Diagnosis"),
    StepEstimate => ("估价", "Estimate"),
    StepDetails => ("委托事项", "Order details"),
    StepSign => ("签字", "Signing"),
    Finding => ("诊断结果", "Finding"),
    DiagnosedNow => ("已确诊", "Diagnosed now"),
    FullInspection => ("需全面检查后确定", "Needs a full inspection"),
    WarrantyLabel => ("保修判定", "Warranty decision"),
    WarrantyCovered => ("在保修范围内", "In warranty"),
    WarrantyNotCovered => ("不在保修范围内", "Not in warranty"),
    WarrantyUndetermined => ("待诊断后确定", "Undetermined pending diagnosis"),
    WarrantyEscalated => ("上报厂家待批准", "Escalated to the manufacturer"),
    WarrantyReason => ("向客户说明的理由", "Reason shown to the customer"),
    SaveDiagnosis => ("保存诊断", "Save the diagnosis"),
    FindingEmpty => ("请写下诊断结果,或选择“需全面检查后确定”。", "Write the finding, or choose \"Needs a full inspection\"."),
    NotDiagnosed => ("尚未诊断", "Not diagnosed yet"),
    AwaitingManufacturer => ("等待厂家答复", "Awaiting the manufacturer's answer"),
    ManufacturerApproved => ("厂家已批准({reference})", "Approved by the manufacturer ({reference})"),
    ManufacturerRefused => ("厂家已拒绝({reference})", "Refused by the manufacturer ({reference})"),
    ManufacturerReference => ("厂家答复编号", "Manufacturer's reference"),
    RecordApproved => ("记录:厂家批准", "Record: approved"),
    RecordRefused => ("记录:厂家拒绝", "Record: refused"),
    SearchCatalogue => ("搜索工时或配件(代码或名称)", "Search labour or parts (code or name)"),
    CatalogueAsOf => ("目录及库存截至 {time}", "Catalogue and stock as of {time}"),
    CatalogueMissing => ("本机还没有目录,联网同步后即可使用。", "No catalogue on this device yet; it comes with the next sync."),
    NoResults => ("目录中没有匹配项。", "Nothing in the catalogue matches."),
    Labour => ("工时", "Labour"),
    Parts => ("备品", "Parts"),
    HoursLabel => ("工时(小时)", "Hours"),
    RateLabel => ("工时单价(元/小时)", "Rate (yuan per hour)"),
    QuantityLabel => ("数量", "Quantity"),
    UnitPriceLabel => ("单价(元)", "Unit price (yuan)"),
    InStock => ("库存 {n}", "{n} in stock"),
    StockUnknown => ("库存未知", "Stock unknown"),
    ForLabel => ("对应", "For"),
    WarrantyLine => ("保修(客户不付费)", "Warranty (no charge to the customer)"),
    CustomerSupplied => ("客户自备", "Brought by the customer"),
    SourceOriginal => ("原厂", "Original"),
    SourceAftermarket => ("副厂", "Aftermarket"),
    SourceRepaired => ("修复", "Repaired"),
    AddToOrder => ("加入", "Add"),
    RemoveLine => ("删除", "Remove"),
    NoLines => ("还没有项目。搜索目录添加工时或配件。", "No lines yet. Search the catalogue to add labour or parts."),
    AmountInvalid => ("请输入数字,最多两位小数,如 45.5。", "Enter a number with at most two decimals, such as 45.5."),
    Unpriced => ("未定价", "Not priced"),
    TotalLabour => ("工时费", "Labour"),
    TotalParts => ("材料费", "Parts"),
    TotalDiscount => ("预约工时折扣 {n}%", "Appointment discount {n}%"),
    TotalWarranty => ("保修项目(厂家承担)", "Warranty lines (paid by the manufacturer)"),
    Total => ("合计", "Total"),
    TotalInWords => ("合计(大写)", "Total in words"),
    Recommended => ("建议维修项目", "Recommended items"),
    Accept => ("接受", "Accept"),
    Decline => ("暂不维修", "Decline"),
    AcceptedMark => ("已接受", "Accepted"),
    DeclinedMark => ("客户暂不维修", "Declined"),
    RepairClass => ("维修类别", "Repair class"),
    ClassMajor => ("整车修理或总成修理", "Vehicle or major assembly repair"),
    ClassSecond => ("二级维护", "Level-2 maintenance"),
    ClassMinor => ("一级维护、小修或专项修理", "Level-1 maintenance, minor or special repair"),
    GuaranteeMajor => ("质量保证期 20000 公里或 100 日", "Guaranteed for 20,000 km or 100 days"),
    GuaranteeSecond => ("质量保证期 5000 公里或 30 日", "Guaranteed for 5,000 km or 30 days"),
    GuaranteeMinor => ("质量保证期 2000 公里或 10 日", "Guaranteed for 2,000 km or 10 days"),
    OldParts => ("旧件", "Old parts"),
    OldTakenBack => ("已确认并由客户带走", "Confirmed and taken back by the customer"),
    OldWaived => ("已确认,客户声明放弃", "Confirmed and waived by the customer"),
    OldNone => ("无旧件", "No old parts"),
    CarWash => ("洗车", "Car wash"),
    Yes => ("是", "Yes"),
    No => ("否", "No"),
    PromisedAt => ("预计交车时间", "Promised completion"),
    SuggestTime => ("按工时建议:{time}", "Suggested from the labour hours: {time}"),
    UseSuggestion => ("采用建议时间", "Use the suggestion"),
    PromisedInvalid => ("请选择日期和时间。", "Choose a date and a time."),
    Missing => ("签字前还缺:", "Still missing before signing:"),
    GapConcern => ("问题“{words}”:没有项目或诊断", "Concern \"{words}\": no line or diagnosis"),
    GapUnpriced => ("“{name}”:没有价格", "\"{name}\": no price"),
    GapRepairClass => ("维修类别", "Repair class"),
    GapOldParts => ("旧件去向", "Old parts"),
    GapCarWash => ("是否洗车", "Car wash"),
    GapPromisedAt => ("预计交车时间", "Promised completion"),
    OrderComplete => ("委托书已完整,可以请客户签字。", "The order is complete; the customer may sign."),
    OverrideOrder => ("记为违规并签字", "Record a violation and sign"),
    ViolationRecorded => ("委托书不完整,已记为违规,罚款 {fine}。理由:{reason}", "Incomplete order recorded as a violation, fine {fine}. Reason: {reason}"),
    CustomerReads => ("请客户阅读以下委托内容后签字。", "Let the customer read the order below, then sign."),
    OrderSignedTitle => ("委托书已签字", "The repair order is signed"),
    OrderSealLabel => ("委托书封签", "Order seal"),
    StartRepair => ("开始维修", "Start the repair"),
    CmdBegin => ("开始填写委托书", "Repair order begun"),
    CmdDiagnose => ("记录诊断", "Diagnosis recorded"),
    CmdAnswerEscalation => ("记录厂家答复", "Manufacturer's answer recorded"),
    CmdAddLine => ("添加项目", "Line added"),
    CmdUpdateLine => ("修改项目", "Line changed"),
    CmdRemoveLine => ("删除项目", "Line removed"),
    CmdAnswerOffer => ("答复建议项目", "Recommended item answered"),
    CmdSetRepairClass => ("设定维修类别", "Repair class set"),
    CmdSetOldParts => ("设定旧件去向", "Old parts set"),
    CmdSetCarWash => ("设定是否洗车", "Car wash set"),
    CmdSetPromisedAt => ("设定预计交车时间", "Promised completion set"),
    CmdOverride => ("委托书不完整签字(违规)", "Incomplete order overridden (violation)"),
    CmdSign => ("客户签字确认委托书", "Repair order signed"),
    CmdStartRepair => ("开始维修", "Repair started"),
    CmdAddAddOnLine => ("添加增项", "Add-on line added"),
    CmdUpdateAddOnLine => ("修改增项", "Add-on line changed"),
    CmdRemoveAddOnLine => ("删除增项", "Add-on line removed"),
    CmdAskApproval => ("请客户确认增项", "Add-on put to the customer"),
    CmdAnswerAddOnLine => ("客户答复增项", "Add-on line answered"),
    CmdApproveNewTotal => ("客户确认新总价", "New total approved"),
    CmdSignAddOn => ("客户签字确认增项", "Add-on signed"),
    ErrUnreadableOrder => ("本机无法读取这份委托书,请更新应用。", "This device cannot read the repair order; update the app."),
    ErrOrderBegun => ("委托书已经开始填写。", "The repair order is already begun."),
    ErrNoOrder => ("还没有委托书。", "There is no repair order yet."),
    ErrOrderClosed => ("委托书已签字,只能通过增项修改。", "The order is signed; it changes only through add-ons."),
    ErrUnknownLine => ("找不到该项目。", "That line is not there."),
    ErrNotEscalated => ("该问题没有上报厂家。", "That concern is not escalated to the manufacturer."),
    ErrEmptyReference => ("请填写厂家答复编号。", "Enter the manufacturer's reference."),
    ErrNothingMissing => ("委托书已完整,无需记为违规。", "Nothing is missing; there is nothing to override."),
    ErrOrderIncomplete => ("委托书还不完整,见上方缺少的项目。", "The order is incomplete; see what is missing above."),
    ErrNotInRepair => ("车辆维修中才能添加增项。", "Add-ons are written while the car is in repair."),
    ErrAddOnUnanswered => ("每个增项都需要客户答复。", "Every add-on line needs the customer's answer."),
    ErrNewTotalUnapproved => ("新总价超出估价,需客户确认。", "The new total is past the estimate; the customer must approve it."),
}

/// The history label of a repair-order command.
pub fn order_command_label(command: &OrderCommand) -> OrderMsg {
    match command {
        OrderCommand::Begin { .. } => OrderMsg::CmdBegin,
        OrderCommand::Diagnose(_) => OrderMsg::CmdDiagnose,
        OrderCommand::AnswerEscalation(_) => OrderMsg::CmdAnswerEscalation,
        OrderCommand::AddLine { .. } => OrderMsg::CmdAddLine,
        OrderCommand::UpdateLine(_) => OrderMsg::CmdUpdateLine,
        OrderCommand::RemoveLine { .. } => OrderMsg::CmdRemoveLine,
        OrderCommand::AnswerOffer { .. } => OrderMsg::CmdAnswerOffer,
        OrderCommand::SetRepairClass(_) => OrderMsg::CmdSetRepairClass,
        OrderCommand::SetOldParts(_) => OrderMsg::CmdSetOldParts,
        OrderCommand::SetCarWash(_) => OrderMsg::CmdSetCarWash,
        OrderCommand::SetPromisedAt(_) => OrderMsg::CmdSetPromisedAt,
        OrderCommand::Override { .. } => OrderMsg::CmdOverride,
        OrderCommand::Sign(_) => OrderMsg::CmdSign,
        OrderCommand::StartRepair => OrderMsg::CmdStartRepair,
        OrderCommand::AddAddOnLine { .. } => OrderMsg::CmdAddAddOnLine,
        OrderCommand::UpdateAddOnLine { .. } => OrderMsg::CmdUpdateAddOnLine,
        OrderCommand::RemoveAddOnLine { .. } => OrderMsg::CmdRemoveAddOnLine,
        OrderCommand::AskApproval => OrderMsg::CmdAskApproval,
        OrderCommand::AnswerAddOnLine { .. } => OrderMsg::CmdAnswerAddOnLine,
        OrderCommand::ApproveNewTotal => OrderMsg::CmdApproveNewTotal,
        OrderCommand::SignAddOn(_) => OrderMsg::CmdSignAddOn,
    }
}

/// Why the order refused a change, in `locale`; other refusals as the check-in words them.
pub fn order_error(locale: Locale, err: &DomainError) -> String {
    let msg = match err {
        DomainError::UnreadableOrder => OrderMsg::ErrUnreadableOrder,
        DomainError::OrderBegun => OrderMsg::ErrOrderBegun,
        DomainError::NoOrder => OrderMsg::ErrNoOrder,
        DomainError::OrderClosed => OrderMsg::ErrOrderClosed,
        DomainError::UnknownLine => OrderMsg::ErrUnknownLine,
        DomainError::NotEscalated => OrderMsg::ErrNotEscalated,
        DomainError::EmptyReference => OrderMsg::ErrEmptyReference,
        DomainError::NothingMissing => OrderMsg::ErrNothingMissing,
        DomainError::OrderIncomplete(_) => OrderMsg::ErrOrderIncomplete,
        DomainError::NotInRepair => OrderMsg::ErrNotInRepair,
        DomainError::AddOnUnanswered => OrderMsg::ErrAddOnUnanswered,
        DomainError::NewTotalUnapproved => OrderMsg::ErrNewTotalUnapproved,
        other => return super::domain_error(locale, other),
    };
    msg.text(locale).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_order_text_is_translated_with_the_same_placeholders() {
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for &msg in OrderMsg::ALL {
            let (zh, en) = (msg.text(Locale::Zh), msg.text(Locale::En));
            assert!(cjk(zh), "{msg:?} is not Chinese");
            assert!(!en.trim().is_empty() && !cjk(en), "{msg:?} is not English");
            assert_eq!(
                super::super::tests::placeholders(zh),
                super::super::tests::placeholders(en),
                "{msg:?}"
            );
        }
    }

    #[test]
    fn every_order_error_has_its_own_message() {
        let errors = [
            DomainError::OrderClosed,
            DomainError::NothingMissing,
            DomainError::NewTotalUnapproved,
        ];
        for locale in Locale::ALL {
            for err in &errors {
                assert_ne!(
                    order_error(locale, err),
                    super::super::domain_error(locale, err)
                );
            }
        }
    }
}
