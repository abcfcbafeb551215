import { describe, expect, it } from 'vitest'
import { redact, redactText } from '../src/index'
import { exampleCase, exampleEvents } from './fixtures/events'

describe('redact', () => {
  it('masks the TSDoc example', () => {
    expect(
      redact({
        customer: { name: '王芳', contacts: [{ kind: 'phone', value: '138 0013 8000' }] },
        note: 'call +86 13800138000',
      }),
    ).toEqual({
      customer: {
        name: '[redacted:name]',
        contacts: [{ kind: 'phone', value: '[redacted:phone]' }],
      },
      note: 'call [redacted:phone]',
    })
  })

  it.each([
    ['a mobile with spaces', '138 0013 8000'],
    ['a mobile with dashes', '138-0013-8000'],
    ['a bare mobile', '13800138000'],
    ['+86 and spaces', '+86 138 0013 8000'],
    ['+86 joined', '+8613800138000'],
    ['0086', '0086 13800138000'],
    ['a Beijing landline', '010-12345678'],
    ['a Shenzhen landline in brackets', '(0755) 1234 5678'],
    ['an international number', '+1 212 555 0100'],
    ['a UK number', '+44 20 7946 0958'],
    ['a North-American number', '(212) 555-0100'],
  ])('masks %s in free text', (_name, phone) => {
    expect(redactText(`请回电 ${phone}，谢谢`)).toBe('请回电 [redacted:phone]，谢谢')
  })

  it.each([
    ['an email', 'li.lei+service@mail.example.com.cn', 'email'],
    ['an 18-digit ID card', '11010519491231002X', 'idCard'],
    ['an 18-digit ID card, lower-case x', '11010519491231002x', 'idCard'],
    ['a 15-digit ID card', '110105491231002', 'idCard'],
    ['a Chinese address', '北京市朝阳区建国路88号', 'address'],
    [
      'a Chinese address with building and room',
      '上海市浦东新区世纪大道100号2号楼1503室',
      'address',
    ],
    ['an English address', '221B Baker Street', 'address'],
    ['an English address with a unit', '1600 Pennsylvania Avenue, Suite 12', 'address'],
  ])('masks %s in free text', (_name, value, kind) => {
    expect(redactText(`Contact: ${value}.`)).toBe(`Contact: [redacted:${kind}].`)
  })

  it('masks personal data anywhere in nested objects and arrays', () => {
    const input = {
      cases: [
        {
          case: exampleCase,
          events: [
            exampleEvents['customer.replied'],
            {
              ...exampleEvents['note.added'],
              text: '客户手机 139 1234 5678，身份证 11010519491231002X',
            },
          ],
        },
      ],
      export: { rows: [['Li Lei', 'li.lei@example.com', 42]] },
      customerAddress: { street: '88 Jianguo Road', city: 'Beijing' },
    }
    const out = redact(input)
    expect(out.cases[0]!.case.customer).toEqual({
      ...exampleCase.customer,
      name: '[redacted:name]',
      contacts: [
        { kind: 'phone', value: '[redacted:phone]', preferred: true },
        { kind: 'email', value: '[redacted:email]' },
      ],
    })
    expect(out.cases[0]!.events[1]).toMatchObject({
      text: '客户手机 [redacted:phone]，身份证 [redacted:idCard]',
    })
    expect(out.export.rows[0]).toEqual(['Li Lei', '[redacted:email]', 42])
    expect(out.customerAddress).toEqual({ street: '[redacted:address]', city: 'Beijing' })
    // the input is untouched
    expect(input.cases[0]!.case.customer.name).toBe('王芳')
  })

  it('masks values under personal keys in any casing, numbers included', () => {
    expect(
      redact({
        first_name: 'Lei',
        LastName: 'Li',
        mobile: 13800138000,
        ID_CARD: '11010519491231002X',
        wechat: 'lilei88',
      }),
    ).toEqual({
      first_name: '[redacted:name]',
      LastName: '[redacted:name]',
      mobile: '[redacted:phone]',
      ID_CARD: '[redacted:idCard]',
      wechat: '[redacted:contact]',
    })
  })

  it('leaves ids, numbers, booleans, dates and non-personal text alone', () => {
    const at = new Date('2026-09-30T10:40:00Z')
    const input = {
      id: 'INC0000045',
      caseId: 'case-1',
      uuid: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b',
      orderNo: 'SO-2026100112345',
      serial: 'SN2026-0042',
      amount: 13800138000,
      impact: 2,
      priority: 'high',
      active: true,
      at,
      iso: '2026-10-01T09:00:00+08:00',
      window: '09:00-12:00, 13:30-18:00',
      message: 'The machine leaks during spin; part 4521-778 was replaced on 2026-10-09.',
    }
    const out = redact(input)
    expect(out).toEqual(input)
    expect(out.at).toBeInstanceOf(Date)
  })

  it('survives cycles and accepts custom masks and keys', () => {
    const node: Record<string, unknown> = { phone: '13800138000' }
    node.self = node
    const out = redact(node) as Record<string, unknown>
    expect(out.phone).toBe('[redacted:phone]')
    expect(out.self).toBe(out)

    const partial = redact(
      { dealerContact: 'Zhang San', note: 'call 13800138000' },
      {
        keys: { dealerContact: 'name' },
        mask: (kind, original) =>
          kind === 'phone' ? `${original.slice(0, 3)}****${original.slice(-4)}` : '***',
      },
    )
    expect(partial).toEqual({ dealerContact: '***', note: 'call 138****8000' })
  })
})
