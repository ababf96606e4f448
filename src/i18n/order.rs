//! The repair order's texts (委托书), an area of its own (`Text`): only the pages that show an
//! order carry them. One table, each key with its Simplified Chinese and English text.

use super::{Locale, Text};
use crate::i18n::desk_text::DeskMsg;
use lanecheck_domain::order_command::OrderCommand;
use lanecheck_domain::DomainError;

area! {
    /// A translatable message key of the repair order.
    OrderMsg,
    OrderTitle => ("维修委托书", "Repair order"),
    StepDiagnosis => ("故障确认", "Diagnosis"),
    StepEstimate => ("估价", "Estimate"),
    StepDetails => ("委托事项", "Order details"),
    StepSign => ("签字", "Signing"),
    StepCopy => ("委托书（打印）", "The signed order (print)"),
    StepAddOns => ("增项", "Add-ons"),
    StepApproval => ("客户确认增项", "The customer's answer"),
    Finding => ("诊断结果", "Finding"),
    DiagnosedNow => ("已确诊", "Diagnosed now"),
    FullInspection => ("需全面检查后确定", "Needs a full inspection"),
    WarrantyLabel => ("保修判定", "Warranty decision"),
    WarrantyCovered => ("在保修范围内", "In warranty"),
    WarrantyNotCovered => ("不在保修范围内", "Not in warranty"),
    WarrantyUndetermined => ("待诊断后确定", "Undetermined pending diagnosis"),
    WarrantyEscalated => ("上报厂家待批准", "Escalated to the manufacturer"),
    WarrantyReason => ("向客户说明的理由", "Reason shown to the customer"),
    FindingEmpty => ("请写下诊断结果，或选择“需全面检查后确定”。", "Write the finding, or choose \"Needs a full inspection\"."),
    NotDiagnosed => ("尚未诊断", "Not diagnosed yet"),
    AwaitingManufacturer => ("等待厂家答复", "Awaiting the manufacturer's answer"),
    ManufacturerApproved => ("厂家已批准（{reference}）", "Approved by the manufacturer ({reference})"),
    ManufacturerRefused => ("厂家已拒绝（{reference}）", "Refused by the manufacturer ({reference})"),
    ManufacturerReference => ("厂家答复编号", "Manufacturer's reference"),
    RecordApproved => ("记录：厂家批准", "Record: approved"),
    RecordRefused => ("记录：厂家拒绝", "Record: refused"),
    SearchCatalogue => ("搜索工时或配件（代码或名称）", "Search labour or parts (code or name)"),
    CatalogueAsOf => ("目录及库存截至 {time}", "Catalogue and stock as of {time}"),
    CatalogueMissing => ("本机还没有目录，联网同步后即可使用。", "No catalogue on this device yet; it comes with the next sync."),
    NoResults => ("目录中没有匹配项。", "Nothing in the catalogue matches."),
    Labour => ("工时", "Labour"),
    Parts => ("备品", "Parts"),
    HoursLabel => ("工时（小时）", "Hours"),
    RateLabel => ("工时单价（元/小时）", "Rate (yuan per hour)"),
    QuantityLabel => ("数量", "Quantity"),
    UnitPriceLabel => ("单价（元）", "Unit price (yuan)"),
    InStock => ("库存 {n}", "{n} in stock"),
    StockUnknown => ("库存未知", "Stock unknown"),
    ForLabel => ("对应", "For"),
    WarrantyLine => ("保修（客户不付费）", "Warranty (no charge to the customer)"),
    CustomerSupplied => ("客户自备", "Brought by the customer"),
    SourceOriginal => ("原厂", "Original"),
    SourceAftermarket => ("副厂", "Aftermarket"),
    SourceRepaired => ("修复", "Repaired"),
    AddToOrder => ("加入", "Add"),
    RemoveLine => ("删除", "Remove"),
    NoLines => ("还没有项目。搜索目录添加工时或配件。", "No lines yet. Search the catalogue to add labour or parts."),
    AmountInvalid => ("请输入数字，最多两位小数，如 45.5。", "Enter a number with at most two decimals, such as 45.5."),
    Unpriced => ("未定价", "Not priced"),
    TotalLabour => ("工时费", "Labour"),
    TotalParts => ("材料费", "Parts"),
    TotalDiscount => ("预约工时折扣 {n}%", "Appointment discount {n}%"),
    TotalWarranty => ("保修项目（厂家承担）", "Warranty lines (paid by the manufacturer)"),
    Total => ("合计", "Total"),
    TotalInWords => ("合计（大写）", "Total in words"),
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
    OldWaived => ("已确认，客户声明放弃", "Confirmed and waived by the customer"),
    OldNone => ("无旧件", "No old parts"),
    CarWash => ("洗车", "Car wash"),
    Yes => ("是", "Yes"),
    No => ("否", "No"),
    PromisedAt => ("预计交车时间", "Promised completion"),
    SuggestTime => ("按工时建议：{time}", "Suggested from the labour hours: {time}"),
    UseSuggestion => ("采用建议时间", "Use the suggestion"),
    PromisedInvalid => ("请选择日期和时间。", "Choose a date and a time."),
    Missing => ("签字前还缺：", "Still missing before signing:"),
    GapConcern => ("问题“{words}”：没有项目或诊断", "Concern \"{words}\": no line or diagnosis"),
    GapUnpriced => ("“{name}”：没有价格", "\"{name}\": no price"),
    GapRepairClass => ("维修类别", "Repair class"),
    GapOldParts => ("旧件去向", "Old parts"),
    GapCarWash => ("是否洗车", "Car wash"),
    GapPromisedAt => ("预计交车时间", "Promised completion"),
    OrderComplete => ("委托书已完整，可以请客户签字。", "The order is complete; the customer may sign."),
    OverrideOrder => ("记为违规并签字", "Record a violation and sign"),
    ViolationRecorded => ("委托书不完整，已记为违规，罚款 {fine}。理由：{reason}", "Incomplete order recorded as a violation, fine {fine}. Reason: {reason}"),
    CustomerReads => ("请客户阅读以下委托内容后签字。", "Let the customer read the order below, then sign."),
    OrderSignedTitle => ("委托书已签字", "The repair order is signed"),
    OrderSealLabel => ("委托书封签", "Order seal"),
    StartRepair => ("开始维修", "Start the repair"),
    AddOnIntro => ("维修中发现需要增加的项目：写下原因，从目录添加，然后请客户确认。", "Work found during the repair: write why, add it from the catalogue, then put it to the customer."),
    AddOnReason => ("增项原因（向客户说明）", "Why it is needed (as the customer is told)"),
    AddOnReasonFirst => ("请先写下增项原因。", "Write why it is needed first."),
    AskCustomer => ("请客户确认增项", "Put the add-on to the customer"),
    ThisAddOn => ("本次增项", "This add-on"),
    EarlierAddOns => ("已确认的增项", "Answered add-ons"),
    Approve => ("同意", "Approve"),
    ApprovedMark => ("客户同意", "Approved"),
    SignedEstimate => ("已签字估价：{total}", "Signed estimate: {total}"),
    NewTotal => ("增项后总价：{total}", "Total with the add-on: {total}"),
    ApproveNewTotalLabel => ("客户同意新总价 {total}（超出估价 {n}% 以上）", "The customer approves the new total of {total} (more than {n}% over the estimate)"),
    AnswerEveryLine => ("请客户逐项答复后签字。", "Let the customer answer each line, then sign."),
    ErrUnreadableOrder => ("本机无法读取这份委托书，请更新应用。", "This device cannot read the repair order; update the app."),
    ErrOrderBegun => ("委托书已经开始填写。", "The repair order is already begun."),
    ErrNoOrder => ("还没有委托书。", "There is no repair order yet."),
    ErrOrderClosed => ("委托书已签字，只能通过增项修改。", "The order is signed; it changes only through add-ons."),
    ErrUnknownLine => ("找不到该项目。", "That line is not there."),
    ErrNotEscalated => ("该问题没有上报厂家。", "That concern is not escalated to the manufacturer."),
    ErrEmptyReference => ("请填写厂家答复编号。", "Enter the manufacturer's reference."),
    ErrNothingMissing => ("委托书已完整，无需记为违规。", "Nothing is missing; there is nothing to override."),
    ErrOrderIncomplete => ("委托书还不完整，见上方缺少的项目。", "The order is incomplete; see what is missing above."),
    ErrNotInRepair => ("车辆维修中才能添加增项。", "Add-ons are written while the car is in repair."),
    ErrAddOnUnanswered => ("每个增项都需要客户答复。", "Every add-on line needs the customer's answer."),
    ErrNewTotalUnapproved => ("新总价超出估价，需客户确认。", "The new total is past the estimate; the customer must approve it."),
}

/// The history label of a repair-order command (in `Msg`: the job page shows it).
pub fn order_command_label(command: &OrderCommand) -> DeskMsg {
    match command {
        OrderCommand::Begin { .. } => DeskMsg::OrderCmdBegin,
        OrderCommand::Diagnose(_) => DeskMsg::OrderCmdDiagnose,
        OrderCommand::AnswerEscalation(_) => DeskMsg::OrderCmdAnswerEscalation,
        OrderCommand::AddLine { .. } => DeskMsg::OrderCmdAddLine,
        OrderCommand::UpdateLine(_) => DeskMsg::OrderCmdUpdateLine,
        OrderCommand::RemoveLine { .. } => DeskMsg::OrderCmdRemoveLine,
        OrderCommand::AnswerOffer { .. } => DeskMsg::OrderCmdAnswerOffer,
        OrderCommand::SetRepairClass(_) => DeskMsg::OrderCmdSetRepairClass,
        OrderCommand::SetOldParts(_) => DeskMsg::OrderCmdSetOldParts,
        OrderCommand::SetCarWash(_) => DeskMsg::OrderCmdSetCarWash,
        OrderCommand::SetPromisedAt(_) => DeskMsg::OrderCmdSetPromisedAt,
        OrderCommand::Override { .. } => DeskMsg::OrderCmdOverride,
        OrderCommand::Sign(_) => DeskMsg::OrderCmdSign,
        OrderCommand::StartRepair => DeskMsg::OrderCmdStartRepair,
        OrderCommand::AddAddOnLine { .. } => DeskMsg::OrderCmdAddAddOnLine,
        OrderCommand::UpdateAddOnLine { .. } => DeskMsg::OrderCmdUpdateAddOnLine,
        OrderCommand::RemoveAddOnLine { .. } => DeskMsg::OrderCmdRemoveAddOnLine,
        OrderCommand::AskApproval => DeskMsg::OrderCmdAskApproval,
        OrderCommand::AnswerAddOnLine { .. } => DeskMsg::OrderCmdAnswerAddOnLine,
        OrderCommand::ApproveNewTotal => DeskMsg::OrderCmdApproveNewTotal,
        OrderCommand::SignAddOn(_) => DeskMsg::OrderCmdSignAddOn,
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
