package leave

import "fmt"

// Multiple births that cross a child-order boundary (twins recorded as the
// 2nd and 3rd child) are judged by the tenant's multiple_birth_order_basis
// (rules.md §1): last_baby (default, the protective reading: the birth
// includes a 3rd child) or first_baby. The plan notes the other reading.

// extensionOrder is the child order whose regional extension applies to b,
// and a note when the two readings give different figures.
func extensionOrder(pack RulePack, b Birth) (int, *Note) {
	first := b.ChildOrder
	last := lastExtendedOrder(pack, b)
	if last == first {
		return first, nil
	}
	fd, ld := extensionDays(pack, first), extensionDays(pack, last)
	if fd == ld {
		return first, nil
	}
	if pack.Settings.MultipleBirthOrderBasis == FirstBaby {
		return first, &Note{Code: "multiple_birth_order_basis", Message: fmt.Sprintf(
			"多胞胎跨越孩次（第%d至第%d个子女）：单位设置按第一个婴儿的孩次（第%d个）计算延长产假%d天；按最后一个婴儿（第%d个）计算则为%d天（LeaveGuard默认的保护性解读，中等可信度）。",
			first, first+b.Babies-1, first, fd, last, ld)}
	}
	return last, &Note{Code: "multiple_birth_order_basis", Message: fmt.Sprintf(
		"多胞胎跨越孩次（第%d至第%d个子女）：本次分娩包含第%d个子女，按保护性解读计算延长产假%d天；按第一个婴儿的孩次（第%d个）计算则为%d天（中等可信度，单位可设置 multiple_birth_order_basis = first_baby）。",
		first, first+b.Babies-1, last, ld, first, fd)}
}

// lastExtendedOrder is the highest child order among b's babies that the
// regional policy still covers (twins as the 3rd and 4th child: the 3rd).
func lastExtendedOrder(pack RulePack, b Birth) int {
	best := b.ChildOrder
	for o := b.ChildOrder; o < b.ChildOrder+max(b.Babies, 1); o++ {
		if allowed, _, _ := regionalAllowed(pack, o); !allowed {
			break
		}
		if _, ok := pack.Get(KeyExtension(o)); ok {
			best = o
		}
	}
	return best
}

func extensionDays(pack RulePack, order int) int {
	if allowed, _, _ := regionalAllowed(pack, order); !allowed {
		return 0
	}
	return pack.value(KeyExtension(order))
}

// orderBasis cites the multiple_birth_order_basis setting and the order used.
func orderBasis(pack RulePack, order int) Basis {
	sb := settingBasis(pack, "multiple_birth_order_basis", string(pack.Settings.MultipleBirthOrderBasis), string(LastBaby))
	sb.Note += fmt.Sprintf("；按第%d个子女计算", order)
	return sb
}
