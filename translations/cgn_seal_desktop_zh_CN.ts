<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/account_page.py" line="+35"/>
        <source>Supplier registration</source>
        <translation>供应商注册</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remember me on this computer</source>
        <translation>在此电脑上记住登录</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>No system keyring: you will log in again after a restart.</source>
        <translation>系统没有密钥环：重启程序后需要重新登录。</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+7"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+9"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+24"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Company name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Register</source>
        <translation>注册</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Enter user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many attempts; wait a few minutes.</source>
        <translation>尝试次数过多，请等待几分钟。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Registered. Log in to continue.</source>
        <translation>注册成功，请登录后继续。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This user name is taken.</source>
        <translation>该用户名已被使用。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>3-32 letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;.</source>
        <translation>3-32 个字母、数字或“_”“.”“-”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least 8 characters.</source>
        <translation>至少 8 个字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the full company name.</source>
        <translation>请输入企业全称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a mobile number.</source>
        <translation>请输入手机号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a valid e-mail address.</source>
        <translation>请输入有效的电子邮箱地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not valid.</source>
        <translation>无效。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/app.py" line="+66"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong. The error was recorded in the log file. If it keeps happening, call 400-112-3838.</source>
        <translation>出现错误，已记录到日志文件。如反复出现，请致电 400-112-3838。</translation>
    </message>
</context>
<context>
    <name>ApplicationFormPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/application_page.py" line="+62"/>
        <source>Certificate application</source>
        <extracomment>The form&apos;s fields, grouped as the page (and the printed 申请表) shows them.</extracomment>
        <translation>数字证书申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These details are printed on the application form, together with the organisation, its legal representative and the operator from the six elements.</source>
        <translation>以下信息将与六要素中的机构、法定代表人和经办人信息一起打印在申请表上。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Organisation</source>
        <translation>机构信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate and seal</source>
        <translation>证书与印章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact for this application</source>
        <translation>本次申请的联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the UKEY is mailed</source>
        <translation>UKEY 邮寄信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered address, as on the business licence</source>
        <translation>注册地址，与营业执照一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 0755-88886666</source>
        <translation>例如 0755-88886666</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full address for the courier</source>
        <translation>快递可送达的详细地址</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n 年</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save and continue</source>
        <translation>保存并继续</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter an 11-digit mobile number.</source>
        <translation>请输入 11 位手机号码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a telephone number with its area code, e.g. 0755-88886666.</source>
        <translation>请填写带区号的电话号码，例如 0755-88886666。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a valid e-mail address.</source>
        <translation>请输入有效的电子邮箱地址。</translation>
    </message>
</context>
<context>
    <name>BankPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/bank_page.py" line="+44"/>
        <source>Cancel verification?</source>
        <translation>取消认证？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This cancels the current verification order. You will correct the six elements and go through the identity check and the bank deposit again, which takes up to 3 more working days. Continue?</source>
        <translation>这将取消当前的认证业务单。您需要修改六要素，并重新完成身份认证和对公账户小额打款认证，最多还需 3 个工作日。是否继续？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bank verification</source>
        <translation>金融认证</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the corporate basic account (基本户). If the account is wrong, cancel the verification and start over.</source>
        <translation>请填写企业对公账户（基本户）信息。如账户信息有误，请取消认证后重新办理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Branch</source>
        <translation>开户支行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account name</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account number</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Confirm</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check again</source>
        <translation>重新查询</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Random code</source>
        <translation>随机码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel verification and start over…</source>
        <translation>取消认证并重新办理…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The deposit has been made. Ask your finance department for the random code in the transfer note and enter it here.</source>
        <translation>小额打款已完成。请联系贵公司财务人员查询转账附言中的随机码，并在此输入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts left: %1</source>
        <translation>剩余尝试次数：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many wrong codes. Cancel the verification and start over.</source>
        <translation>随机码错误次数过多。请取消认证后重新办理。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too short: enter the full name.</source>
        <translation>太短：请填写全称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits only (spaces allowed), as on the bank&apos;s documents.</source>
        <translation>只能填写数字（可含空格），与银行开户资料一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valid.</source>
        <translation>无效。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking…</source>
        <translation>正在检测…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not check; see the message above.</source>
        <translation>查询失败，请看上方的提示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checked at %1: the deposit has not arrived yet. You will be told here when it does.</source>
        <translation>%1 已查询：小额打款尚未到账。到账后会在这里提示您。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Enter the random code.</source>
        <translation>请输入随机码。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wrong code. Attempts left: %1</source>
        <translation>随机码错误。剩余尝试次数：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong code.</source>
        <translation>随机码错误。</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/change_pin.py" line="+69"/>
        <source>Change the UKEY PIN</source>
        <extracomment>The PIN lengths SZCA&apos;s UKEYs accept (the UKEY itself has the last word).</extracomment>
        <translation>修改PIN码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SZCA sends the first PIN by SMS. Replace it with a PIN only you know, and keep it safe: it seals in your company&apos;s name.</source>
        <translation>深圳CA 通过短信发送初始 PIN 码。请改为只有您知道的 PIN 码并妥善保管：它以贵单位的名义盖章。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>UKEY:</source>
        <translation>UKEY：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current PIN</source>
        <translation>原 PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current PIN:</source>
        <translation>原 PIN 码：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New PIN:</source>
        <translation>新 PIN 码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New PIN again</source>
        <translation>确认新 PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New PIN again:</source>
        <translation>确认新 PIN 码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2 letters or digits.</source>
        <translation>%1 至 %2 位字母或数字。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>I am sure of the current PIN (one more wrong PIN locks the UKEY)</source>
        <translation>我确认原 PIN 码无误（再输错一次 UKEY 将被锁定）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change PIN</source>
        <translation>修改PIN码</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The PIN of this UKEY is locked. Only SZCA can unlock it: call 400-112-3838.</source>
        <translation>此 UKEY 的 PIN 码已锁定，只有深圳CA能解锁，请致电 400-112-3838。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The new PIN must have %1 to %2 characters.</source>
        <translation>新 PIN 码须为 %1 至 %2 位。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two new PINs differ. Type the new PIN twice the same way.</source>
        <translation>两次输入的新 PIN 码不一致，请重新输入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new PIN is the same as the current one.</source>
        <translation>新 PIN 码与原 PIN 码相同。</translation>
    </message>
</context>
<context>
    <name>ChangePinFlow</name>
    <message>
        <location line="+55"/>
        <source>Looking for the UKEY…</source>
        <translation>正在查找 UKEY…</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+42"/>
        <source>PIN not changed</source>
        <translation>PIN 码未修改</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Changing the PIN…</source>
        <translation>正在修改 PIN 码…</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+3"/>
        <source>PIN changed</source>
        <translation>PIN 码已修改</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The UKEY&apos;s PIN was changed. Use the new PIN from now on; nobody can look it up for you.</source>
        <translation>UKEY 的 PIN 码已修改。今后请使用新 PIN 码；任何人都无法替您查询。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="lupdate_supplement.py" line="+6"/>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf);;All files (*)</source>
        <translation>PDF 文档 (*.pdf);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ElementsPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/elements_page.py" line="+35"/>
        <source>Organisation verification: six elements</source>
        <translation>机构认证：机构信息六要素</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check the six elements once more. If anything is wrong, go back and correct it before submitting.</source>
        <translation>请再次确认机构信息六要素。如有错误，请返回修改后再提交。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data wrong? Go back and edit</source>
        <translation>资料有误？返回修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submit for verification</source>
        <translation>提交认证</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid unified social credit code (check character wrong).</source>
        <translation>统一社会信用代码无效（校验位错误）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid ID number (check digit or birth date wrong).</source>
        <translation>身份证号码无效（校验位或出生日期错误）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter an 11-digit mobile number.</source>
        <translation>请输入 11 位手机号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong format.</source>
        <translation>格式不正确。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one of the options.</source>
        <translation>请从选项中选择一项。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valid.</source>
        <translation>无效。</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/signature_panel.py" line="+100"/>
        <source>Seal self-check</source>
        <translation>盖章自检</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1. Open a PDF document
2. Insert the UKEY
3. Click “Place seal”, put the seal on the page and enter the PIN
4. Point at the seal and click “Verify seal” — the result should be “Signature valid”</source>
        <translation>1. 打开 PDF 文档
2. 插入 UKEY
3. 点击“盖章”，将印章放到页面上，输入 PIN 码
4. 鼠标指向印章，点击“验证印章”，应显示“签名有效”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open PDF…</source>
        <translation>打开 PDF…</translation>
    </message>
</context>
<context>
    <name>EnvCheck</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/env_checks.py" line="+51"/>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>UKEY driver missing</source>
        <translation>UKEY 驱动缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The chosen driver file is gone. Choose it again under Settings, or reinstall the driver.</source>
        <translation>所选的驱动文件已不存在。请在“设置”中重新选择，或重新安装驱动。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>UKEY driver</source>
        <translation>UKEY 驱动</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No UKEY driver found</source>
        <translation>未找到 UKEY 驱动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download the SZCA driver from www.szca.com (Customer service → Driver download) and install it.</source>
        <translation>请从 www.szca.com（客户服务 → 驱动下载）下载并安装深圳CA驱动程序。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No UKEY inserted</source>
        <translation>未插入 UKEY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the UKEY; this list updates by itself.</source>
        <translation>请插入 UKEY，列表会自动刷新。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PIN is locked. Call 400-112-3838 to unlock it.</source>
        <translation>PIN 码已锁定。请致电 400-112-3838 解锁。</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Wrong PINs were entered. Be careful: the UKEY locks after too many.</source>
        <translation>曾输入错误的 PIN 码。请小心：错误次数过多 UKEY 将被锁定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+66"/>
        <location line="+6"/>
        <location line="+2"/>
        <source>UKEY</source>
        <translation>UKEY</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expired on %1</source>
        <translation>已于 %1 过期</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Certificate expired</source>
        <translation>证书已过期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Renew the certificate with SZCA (Application progress).</source>
        <translation>请向深圳CA办理证书更新（办理进度）。</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>valid until %1 (%2 days left)</source>
        <translation>有效期至 %1（剩余 %2 天）</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Certificate expires soon</source>
        <translation>证书即将过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renew the certificate before it expires.</source>
        <translation>请在证书过期前办理更新。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PIN tries left: %1 of %2</source>
        <translation>PIN 码剩余尝试次数：%1（共 %2 次）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrong PINs were entered. Tries left before the UKEY locks: %1. Enter the PIN carefully.</source>
        <translation>曾输入错误的 PIN 码。剩余尝试次数：%1，用完后 UKEY 将被锁定。请仔细输入 PIN 码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SM2</source>
        <translation>SM2 国密</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>SKF driver, GM/T 0016</source>
        <translation>SKF 驱动，GM/T 0016</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PKCS#11 driver</source>
        <translation>PKCS#11 驱动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, software test UKEY</source>
        <translation>，测试用软件 UKEY</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>UKEY driver cannot be used</source>
        <translation>UKEY 驱动无法使用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no answer in time</source>
        <translation>未及时响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its certificate is not trusted</source>
        <translation>其证书不受信任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no connection</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>In use: a document is being sealed</source>
        <translation>使用中：正在盖章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This list updates by itself.</source>
        <translation>列表会自动刷新。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No trust roots</source>
        <translation>没有信任根证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seals cannot be shown as valid. Add the SZCA root under Settings.</source>
        <translation>印章无法显示为有效。请在“设置”中添加深圳CA根证书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust root</source>
        <translation>信任根证书</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+51"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Online service</source>
        <translation>在线服务</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Not reachable. The seal self-check works offline; the application wizard needs the network.</source>
        <translation>无法连接。盖章自检可离线使用；在线办理需要联网。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Built-in sandbox (test data only): runs on this computer, no network needed</source>
        <translation>内置沙箱（仅测试数据）：在本机运行，无需网络</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Computer clock</source>
        <translation>电脑时钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date is wrong. Set the correct date and time; signatures carry the signing time.</source>
        <translation>日期不正确。请设置正确的日期和时间，签名中会记录签名时间。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Not checked (offline)</source>
        <translation>未检查（离线）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>CGN Seal Desktop — environment check</source>
        <translation>中广核电子印章客户端 — 环境检测</translation>
    </message>
</context>
<context>
    <name>EnvironmentPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/pages/environment.py" line="+61"/>
        <source>Environment check</source>
        <translation>环境检测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checks what sealing needs on this computer. Green is fine, amber needs attention, red must be fixed.</source>
        <translation>检查本机盖章所需的条件。绿色表示正常，黄色需要注意，红色必须处理。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check the online service</source>
        <translation>检查在线服务</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check again</source>
        <translation>重新检测</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Checking…</source>
        <translation>正在检测…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The check failed: %1</source>
        <translation>检测失败：%1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Change PIN…</source>
        <translation>修改PIN码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the PIN of %1</source>
        <translation>修改 %1 的 PIN 码</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Report copied</source>
        <translation>报告已复制</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/common.py" line="+102"/>
        <source>Retry</source>
        <extracomment>The colour of a problem a field or a file has (also used by pages for their own messages).</extracomment>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/identity_page.py" line="+23"/>
        <source>Identity check of the operator</source>
        <translation>经办人身份认证</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Open WeChat on the operator&apos;s phone, choose Scan and scan this QR code. After the check passes, this page moves on by itself.</source>
        <translation>请在经办人手机上打开微信，使用“扫一扫”扫描此二维码。认证通过后，本页面会自动进入下一步。</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+35"/>
        <source>Show QR code</source>
        <translation>显示二维码</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Cancel verification and start over…</source>
        <translation>取消认证并重新办理…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Click “Show QR code”. Then open WeChat on the operator&apos;s phone, choose Scan and scan the code shown here.</source>
        <translation>请点击“显示二维码”，然后用经办人手机打开微信，选择“扫一扫”，扫描此处显示的二维码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click “Show QR code” to begin.</source>
        <translation>点击“显示二维码”开始。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check the operator&apos;s data, then click “Refresh QR code” and scan the new code.</source>
        <translation>请核对经办人信息，然后点击“刷新二维码”并扫描新的二维码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting for the WeChat scan…</source>
        <translation>等待微信扫码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanned; waiting for the operator to confirm…</source>
        <translation>已扫码，等待经办人确认…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity check passed.</source>
        <translation>身份认证已通过。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Making a new QR code…</source>
        <translation>正在生成新的二维码…</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>The identity check failed: %1</source>
        <translation>身份认证未通过：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The QR code has expired.</source>
        <translation>二维码已过期。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Refresh QR code</source>
        <translation>刷新二维码</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The QR code has expired. Click “Refresh QR code” for a new one.</source>
        <translation>二维码已过期，请点击“刷新二维码”获取新的二维码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Valid for %1:%2</source>
        <translation>有效期剩余 %1:%2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/main_window.py" line="+55"/>
        <location filename="lupdate_supplement.py" line="+1"/>
        <source>CGN E-Seal Desktop</source>
        <translation>中广核电子印章客户端</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Seal self-check</source>
        <translation>盖章自检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application progress</source>
        <translation>办理进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment check</source>
        <translation>环境检测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer service</source>
        <translation>客户服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../cgn_seal_desktop/ui/screenshots.py" line="+190"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;sealed copy as…</source>
        <translation>盖章文件另存为(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close document</source>
        <translation>关闭文档(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Change PIN…</source>
        <translation>修改PIN码(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the UKEY&apos;s PIN (the first one comes by SMS)</source>
        <translation>修改 UKEY 的 PIN 码（初始 PIN 码由短信发送）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Environment check</source>
        <translation>环境检测(&amp;E)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent files</source>
        <translation>最近打开的文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Seal</source>
        <translation>盖章(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;UKEY</source>
        <translation>UKEY(&amp;U)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&lt;h3&gt;CGN E-Seal Desktop %1&lt;/h3&gt;&lt;p&gt;Apply for the digital certificate / e-seal of the CGN e-commerce platform and check the seal offline.&lt;/p&gt;&lt;p&gt;This program is free software: you can redistribute it and/or modify it under the terms of the GNU Affero General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version. It is distributed WITHOUT ANY WARRANTY. See the GNU AGPL (licenses/AGPL-3.0.txt) for details.&lt;/p&gt;&lt;p&gt;Customer service: 400-112-3838 · www.szca.com&lt;/p&gt;</source>
        <translation>&lt;h3&gt;中广核电子印章客户端 %1&lt;/h3&gt;&lt;p&gt;在线办理中广核电子商务平台数字证书（电子印章），并离线完成盖章自检。&lt;/p&gt;&lt;p&gt;本程序是自由软件：您可以依据自由软件基金会发布的 GNU Affero 通用公共许可证（第 3 版或您选择的任何更高版本）再发布和/或修改本程序。本程序不提供任何担保。详情请参阅 GNU AGPL（licenses/AGPL-3.0.txt）。&lt;/p&gt;&lt;p&gt;客户服务热线：400-112-3838 · www.szca.com&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Sealing in progress</source>
        <translation>正在盖章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealing is still running. Cancel it and exit?</source>
        <translation>盖章尚未完成。要取消盖章并退出吗？</translation>
    </message>
</context>
<context>
    <name>MaterialRow</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/materials_page.py" line="+63"/>
        <source>Drop a file here, or choose one.</source>
        <extracomment>MaterialKind, Path bytes sent, total (emitted from the worker thread)</extracomment>
        <translation>将文件拖到此处，或选择文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>MaterialsPage</name>
    <message>
        <location line="+62"/>
        <source>Upload the application materials</source>
        <translation>上传申请资料</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF, JPEG or PNG. Scan at 200 dpi; colour is required for the seal impression.</source>
        <translation>支持 PDF、JPEG 或 PNG 格式。请按 200 dpi 扫描；印模采集页须彩色扫描。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit application</source>
        <translation>修改申请信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print forms</source>
        <translation>打印表格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit application</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Upload again: %1</source>
        <translation>重新上传：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Uploaded: %1 (%2 KB)</source>
        <translation>已上传：%1（%2 KB）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop a file here, or choose one.</source>
        <translation>将文件拖到此处，或选择文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This file type is not accepted: use PDF, JPEG or PNG.</source>
        <translation>不支持此文件类型，请使用 PDF、JPEG 或 PNG。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is empty (0 bytes). Scan the document again and choose the new file.</source>
        <translation>文件为空（0 字节）。请重新扫描后选择新文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is too large (max. %1 MB).</source>
        <translation>文件太大（最大 %1 MB）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file cannot be read.</source>
        <translation>无法读取文件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Uploading %1…</source>
        <translation>正在上传 %1…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Your application was submitted again. SZCA reviews it once more; no second payment is needed.</source>
        <translation>已重新提交申请，深圳CA 将再次审核，无需再次缴费。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your application was submitted again. Pay the fee to start the review.</source>
        <translation>已重新提交申请。请缴费，缴费后开始审核。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your application was submitted. Pay the fee to start the review.</source>
        <translation>申请已提交。请缴费，缴费后开始审核。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/messages.py" line="+42"/>
        <source>The UKEY could not be used</source>
        <translation>无法使用 UKEY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the UKEY, insert it again and retry.</source>
        <translation>请拔出 UKEY，重新插入后再试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No UKEY driver found</source>
        <translation>未找到 UKEY 驱动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install the SZCA UKEY driver (Customer service → Driver download at www.szca.com), or choose the driver file under Settings.</source>
        <translation>请安装深圳CA的 UKEY 驱动（www.szca.com → 客户服务 → 驱动下载），或在“设置”中选择驱动文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UKEY driver could not be loaded</source>
        <translation>无法加载 UKEY 驱动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reinstall the UKEY driver, or choose another driver file under Settings. 32-bit drivers cannot be used by this 64-bit program.</source>
        <translation>请重新安装 UKEY 驱动，或在“设置”中选择其他驱动文件。本程序为 64 位，不能使用 32 位驱动。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UKEY driver is a 32-bit driver</source>
        <translation>UKEY 驱动是 32 位驱动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This 64-bit program cannot use a 32-bit UKEY driver. Install the 64-bit driver of your UKEY (Customer service → Driver download at www.szca.com).</source>
        <translation>本程序为 64 位，不能使用 32 位的 UKEY 驱动。请安装您的 UKEY 的 64 位驱动（客户服务 → 驱动下载，www.szca.com）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This UKEY driver is not supported yet</source>
        <translation>暂不支持此 UKEY 驱动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install the PKCS#11 driver of your UKEY, or call the hotline 400-112-3838.</source>
        <translation>请安装 UKEY 的 PKCS#11 驱动，或拨打客户服务热线 400-112-3838。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No UKEY inserted</source>
        <translation>未插入 UKEY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the UKEY into a USB port and try again.</source>
        <translation>请将 UKEY 插入 USB 接口后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Several UKEYs are inserted</source>
        <translation>插入了多个 UKEY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the UKEY to use, or remove the others.</source>
        <translation>请选择要使用的 UKEY，或拔出其他 UKEY。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The UKEY was removed</source>
        <translation>UKEY 已被拔出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the UKEY again and repeat the step. Nothing was written.</source>
        <translation>请重新插入 UKEY 并重复此步骤。未写入任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The UKEY reported an error</source>
        <translation>UKEY 报告错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the UKEY, insert it again and retry. If it keeps failing, call 400-112-3838.</source>
        <translation>请拔出 UKEY，重新插入后再试。如仍失败，请致电 400-112-3838。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong PIN</source>
        <translation>PIN 码错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the PIN and enter it again. Too many wrong PINs lock the UKEY.</source>
        <translation>请核对 PIN 码后重新输入。错误次数过多会锁定 UKEY。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PIN is locked</source>
        <translation>PIN 码已锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many wrong PINs were entered. Only SZCA can unlock the UKEY: call 400-112-3838.</source>
        <translation>PIN 码输错次数过多。只有深圳CA能解锁 UKEY，请致电 400-112-3838。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new PIN is not accepted by the UKEY</source>
        <translation>UKEY 不接受新的 PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a PIN of 6 to 16 digits or letters and type it again.</source>
        <translation>请设置 6 至 16 位数字或字母的 PIN 码，并重新输入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Final PIN try</source>
        <translation>最后一次输入 PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One more wrong PIN locks the UKEY. Confirm only if you are sure of the PIN.</source>
        <translation>再输错一次 UKEY 将被锁定。请确认 PIN 码无误后再继续。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No signing certificate on the UKEY</source>
        <translation>UKEY 中没有签名证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This UKEY holds no certificate for sealing. Check that it is the e-seal UKEY from SZCA.</source>
        <translation>此 UKEY 中没有可用于盖章的证书。请确认这是深圳CA发放的电子印章 UKEY。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UKEY holds no seal key</source>
        <translation>UKEY 中没有印章密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This UKEY has not been issued with a seal key. Check that it is the e-seal UKEY from SZCA, or call 400-112-3838.</source>
        <translation>这个 UKEY 尚未写入印章密钥。请确认它是深圳CA发放的电子印章 UKEY，或致电 400-112-3838。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UKEY has no key for this certificate</source>
        <translation>UKEY 中没有此证书的私钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The UKEY may be damaged or wrongly issued. Call 400-112-3838.</source>
        <translation>UKEY 可能已损坏或签发有误。请致电 400-112-3838。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UKEY cannot make this kind of signature</source>
        <translation>UKEY 不支持此类签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update the UKEY driver, or call 400-112-3838.</source>
        <translation>请更新 UKEY 驱动，或致电 400-112-3838。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The seal could not be applied</source>
        <translation>无法盖章</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+95"/>
        <source>Try again; if it keeps failing, call 400-112-3838.</source>
        <translation>请重试；如仍失败，请致电 400-112-3838。</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>The seal image cannot be used</source>
        <translation>无法使用此印章图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a PNG or JPEG image (transparent PNG works best), or use the default seal.</source>
        <translation>请选择 PNG 或 JPEG 图片（透明背景的 PNG 效果最好），或使用默认印章。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PDF cannot be read</source>
        <translation>无法读取 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is damaged or not a PDF. Open the original file again.</source>
        <translation>文件已损坏或不是 PDF。请重新打开原始文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <source>The PDF is password-protected</source>
        <translation>PDF 受密码保护</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+32"/>
        <source>Enter the document&apos;s password.</source>
        <translation>请输入文档密码。</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>The seal cannot be placed there</source>
        <translation>印章不能放在此处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place the seal completely inside a page.</source>
        <translation>请将印章完整地放在页面内。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature field cannot be used</source>
        <translation>无法使用此签名域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place the seal in a free area of the page instead.</source>
        <translation>请将印章放在页面的空白处。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file already exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose another name. The original is never replaced.</source>
        <translation>请换一个文件名。原文件不会被替换。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealing cancelled</source>
        <translation>已取消盖章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document could not be sealed</source>
        <translation>无法为文档盖章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was written. Try again, or save the PDF anew (print to PDF) and seal that copy.</source>
        <translation>未写入任何内容。请重试，或将 PDF 另存一份（打印为 PDF）后对副本盖章。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a certificate</source>
        <translation>不是证书文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a root certificate file (.cer, .crt, .pem, .der).</source>
        <translation>请选择根证书文件（.cer、.crt、.pem、.der）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document cannot be opened</source>
        <translation>无法打开文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the file and try again.</source>
        <translation>请检查文件后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>The file cannot be read</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+22"/>
        <source>Check that the file exists and that you may read it.</source>
        <translation>请确认文件存在并且您有读取权限。</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+15"/>
        <source>This is not a PDF file</source>
        <translation>这不是 PDF 文件</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Open a PDF document (*.pdf).</source>
        <translation>请打开 PDF 文档（*.pdf）。</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The PDF file is damaged</source>
        <translation>PDF 文件已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the sender for the file again.</source>
        <translation>请向发送方重新索取文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrong document password</source>
        <translation>文档密码错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the password again.</source>
        <translation>请重新输入密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A page could not be shown</source>
        <translation>无法显示某一页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The page may be damaged; the rest of the document is still usable.</source>
        <translation>该页可能已损坏，文档其余部分仍可使用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+31"/>
        <source>The file is too large</source>
        <translation>文件太大</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Files over 2 GB cannot be verified.</source>
        <translation>无法验证超过 2 GB 的文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The online service could not do this</source>
        <translation>在线服务无法完成此操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again later.</source>
        <translation>请稍后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot reach the online service</source>
        <translation>无法连接在线服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the network connection and the service address under Settings.</source>
        <translation>请检查网络连接，以及“设置”中的服务地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The online service&apos;s certificate is not trusted</source>
        <translation>在线服务的证书不受信任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection is not safe, so it was stopped. Check the service address under Settings and the computer&apos;s date and time.</source>
        <translation>连接不安全，已中止。请检查“设置”中的服务地址以及电脑的日期和时间。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The online service did not answer</source>
        <translation>在线服务没有响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again in a moment.</source>
        <translation>请稍后再试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The online service failed</source>
        <translation>在线服务出错</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again later; if it persists, call 400-112-3838.</source>
        <translation>请稍后重试；如问题持续，请致电 400-112-3838。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please log in again</source>
        <translation>请重新登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your login has expired.</source>
        <translation>登录已过期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the user name and password.</source>
        <translation>请检查用户名和密码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The item no longer exists. Refresh.</source>
        <translation>该项已不存在，请刷新。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not possible at this step</source>
        <translation>当前步骤无法执行此操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the progress page to see the current step.</source>
        <translation>请刷新办理进度页面查看当前步骤。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upload a smaller file (scan at 200 dpi).</source>
        <translation>请上传较小的文件（按 200 dpi 扫描）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many attempts</source>
        <translation>尝试次数过多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait a few minutes and try again.</source>
        <translation>请等待几分钟后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some entries are not valid</source>
        <translation>部分填写内容无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct the marked fields and submit again.</source>
        <translation>请修改标出的内容后重新提交。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The test server could not start</source>
        <translation>测试服务器无法启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another program may use the port; choose another one.</source>
        <translation>端口可能被其他程序占用，请换一个端口。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signature valid</source>
        <extracomment>Verdict per signature status, in the words of the process guide (shown big in the dialog).</extracomment>
        <translation>签名有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature invalid</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document modified after signing</source>
        <translation>签名后文档被修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate not trusted</source>
        <translation>证书不受信任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate expired</source>
        <translation>证书已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate revoked</source>
        <translation>证书已吊销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Algorithm too weak</source>
        <translation>算法强度不足</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be determined</source>
        <translation>无法确定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The seal or the document was damaged or forged. Do not rely on this document; ask the sender for the original.</source>
        <extracomment>What to do, per status (shown under a red verdict).</extracomment>
        <translation>印章或文档已损坏或被伪造。请勿依赖此文档，请向发送方索取原件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document was changed after it was sealed. Ask the sender for the sealed original.</source>
        <translation>文档在盖章后被修改。请向发送方索取盖章原件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate was not issued under a trusted root. For SZCA e-seals, check the trusted roots under Settings.</source>
        <translation>证书不是由受信任的根证书签发的。如是深圳CA电子印章，请检查“设置”中的信任根证书。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate was not valid when the document was sealed. Renew the certificate and seal again.</source>
        <translation>盖章时证书不在有效期内。请更新证书后重新盖章。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate has been revoked. Contact SZCA: 400-112-3838.</source>
        <translation>证书已被吊销。请联系深圳CA：400-112-3838。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The seal uses an outdated algorithm. Seal the document again with this program.</source>
        <translation>印章使用了过时的算法。请用本程序重新盖章。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The result cannot be determined offline. See the details below.</source>
        <translation>离线状态下无法确定结果。请查看下方详细信息。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No changes after signing</source>
        <translation>签名后无更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form fields filled in or further seals added</source>
        <translation>填写了表单或加盖了其他印章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments (annotations) added</source>
        <translation>添加了注释</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content changed</source>
        <translation>内容已更改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The signature value does not match.</source>
        <extracomment>Verification findings by code (report.Finding.code); unknown codes show the English text.</extracomment>
        <translation>签名值不匹配。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The signed byte range is not sound.</source>
        <translation>签名的字节范围异常。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is unclear which part of the file is signed.</source>
        <translation>无法确定文件的哪一部分被签名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document was changed: its digest does not match.</source>
        <translation>文档已被更改：摘要不匹配。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature is malformed.</source>
        <translation>签名格式错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The document was changed after signing.</source>
        <translation>文档在签名后被更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time-stamp information.</source>
        <translation>时间戳信息。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data was appended after the end of the document.</source>
        <translation>文档末尾之后追加了数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust in the certificate cannot be decided.</source>
        <translation>无法确定证书是否可信。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A weak algorithm was used.</source>
        <translation>使用了强度不足的算法。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate chain does not lead to a trusted root.</source>
        <translation>证书链无法追溯到受信任的根证书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate was not valid at the signing time.</source>
        <translation>签名时证书不在有效期内。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate has been revoked.</source>
        <translation>证书已被吊销。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Warning: the next wrong PIN locks the UKEY.</source>
        <translation>警告：再输错一次 PIN 码，UKEY 将被锁定。</translation>
    </message>
</context>
<context>
    <name>OpsConsoleDialog</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/ops_console.py" line="+29"/>
        <source>Operator page</source>
        <translation>操作员控制台</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the sandbox you also play the other side: WeChat (identity check), the bank (small deposit), the payment provider and SZCA&apos;s reviewer. Open this address in a web browser on this computer:</source>
        <translation>在沙箱中，您还要扮演另一方：微信（身份认证）、银行（小额打款）、支付平台和深圳CA 审核员。请在本机的浏览器中打开以下地址：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open in browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Address copied. Paste it into a web browser.</source>
        <translation>地址已复制，请粘贴到浏览器中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opening the browser… If nothing opens, copy the address into a browser.</source>
        <translation>正在打开浏览器… 如果没有打开，请把地址复制到浏览器中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No web browser could be opened. Copy the address into a browser on this computer.</source>
        <translation>无法打开浏览器。请把地址复制到本机的浏览器中。</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/payment_page.py" line="+51"/>
        <source>Pay the certificate fee</source>
        <translation>缴纳证书费用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invoice (fapiao)</source>
        <translation>发票信息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SZCA issues the invoice for the fee with these details. The tax ID of a company is its unified social credit code.</source>
        <translation>深圳CA 将按以下信息开具本次费用的发票。企业的税号即统一社会信用代码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invoice title</source>
        <translation>发票抬头</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Alipay (支付宝)</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WeChat Pay (微信)</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+114"/>
        <source>Pay</source>
        <translation>缴费</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Amount: ¥%1</source>
        <translation>金额：¥%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Checking the payment order…</source>
        <translation>正在查询支付订单…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the full name of the company.</source>
        <translation>请填写单位全称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid tax ID: enter the 18-character unified social credit code (check character wrong).</source>
        <translation>税号无效：请填写 18 位统一社会信用代码（校验位不符）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not valid.</source>
        <translation>无效。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Paid. Thank you.</source>
        <translation>缴费成功，谢谢。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan with %1 and pay. Valid for %2:%3. Waiting for the payment…</source>
        <translation>请使用%1扫码支付。有效期剩余 %2:%3。等待支付…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New QR code</source>
        <translation>刷新二维码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payment QR code has expired. Click “Pay” for a new one.</source>
        <translation>支付二维码已过期。请点击“缴费”获取新的二维码。</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/viewer/pdf_view.py" line="+144"/>
        <source>PDF document</source>
        <extracomment>Logical pixels per point at 100 % (96 dpi screens; Qt scales logical pixels on high-DPI). page count; the document is laid out and shown path, True if a given password was wrong a DocumentError other than the password ones 0-based index of the page filling most of the view zoom factor, 1.0 = 100 % a page was painted from a real render (not a placeholder) page index, DocumentError (painter, page index, page rect in viewport coordinates), after each visible page is drawn PdfMouseEvent PdfMouseEvent, while a button is held (dragging) PdfMouseEvent PdfMouseEvent, moves with no button held</extracomment>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location line="+360"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/ukey_dialogs.py" line="+92"/>
        <source>Enter the UKEY PIN</source>
        <translation>输入 UKEY 的 PIN 码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>UKEY:</source>
        <translation>UKEY：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate owner:</source>
        <translation>证书持有者：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN:</source>
        <translation>PIN 码：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>I am sure of this PIN (one more wrong PIN locks the UKEY)</source>
        <translation>我确认 PIN 码正确（再错一次 UKEY 将被锁定）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seal</source>
        <translation>盖章</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The UKEY was removed. Insert it again to seal.</source>
        <translation>UKEY 已拔出。请重新插入后盖章。</translation>
    </message>
</context>
<context>
    <name>PinText</name>
    <message>
        <location filename="lupdate_supplement.py" line="+1"/>
        <source>A wrong PIN was entered since the UKEY was last used. The UKEY does not say how many tries remain; it locks after several wrong PINs in a row.</source>
        <translation>自上次成功使用以来曾输错 PIN 码。此 UKEY 不提供剩余尝试次数；连续输错多次将被锁定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final try: one more wrong PIN locks the UKEY, and only SZCA can unlock it (400-112-3838).</source>
        <translation>最后一次机会：再输错一次 UKEY 将被锁定，只能由深圳CA解锁（400-112-3838）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN tries left: %1 of %2</source>
        <translation>PIN 码剩余尝试次数：%1（共 %2 次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PIN was wrong. Please enter it again.</source>
        <translation>PIN 码错误，请重新输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The current PIN was wrong.</source>
        <translation>原 PIN 码错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tries left before the UKEY locks: %1.</source>
        <translation>剩余尝试次数：%1，用完后 UKEY 将被锁定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PINs were entered before. Tries left before the UKEY locks: %1.</source>
        <translation>此前曾输错 PIN 码。剩余尝试次数：%1，用完后 UKEY 将被锁定。</translation>
    </message>
</context>
<context>
    <name>PrintFormsPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/print_page.py" line="+44"/>
        <source>Print the application form</source>
        <extracomment>The documents this page makes, in the order of its buttons, with their file names.</extracomment>
        <translation>打印申请表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print each page on plain white A4 paper. The legal representative and the operator sign the application form; stamp the company seal on every page. Then scan them and upload them in the next step.</source>
        <translation>请用 A4 纯白纸张打印每一页。申请表由法定代表人和经办人签字；每一页都加盖单位公章。然后扫描，在下一步上传。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The operator is not the legal representative: the legal representative also signs the authorisation letter, and it is uploaded with the other materials.</source>
        <translation>经办人不是法定代表人：法定代表人还需在授权书上签字，授权书与其他资料一并上传。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+101"/>
        <source>Application form</source>
        <translation>申请表</translation>
    </message>
    <message>
        <location line="-99"/>
        <location line="+99"/>
        <source>Seal impression page</source>
        <translation>公章印模采集页</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+98"/>
        <source>Authorisation letter</source>
        <translation>授权书</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next: upload materials</source>
        <translation>下一步：上传资料</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Preparing the forms…</source>
        <translation>正在生成表格…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The forms are ready.</source>
        <translation>表格已生成。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ProgressPlaceholderPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/pages/progress_placeholder.py" line="+23"/>
        <source>Application progress</source>
        <translation>办理进度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply for the digital certificate (e-seal) of the CGN e-commerce platform:

1. Supplier registration
2. Organisation verification
3. Apply for the digital certificate
4. Payment and review
5. The UKEY is shipped — then run the seal self-check</source>
        <translation>办理中广核电子商务平台数字证书（电子印章）：

1. 供应商注册
2. 机构认证
3. 申请数字证书
4. 缴费与审核
5. 寄送 UKEY — 收到后进行盖章自检</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start or continue the application</source>
        <translation>开始或继续办理</translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/qr.py" line="+77"/>
        <source>TEST / SANDBOX — NOT VALID</source>
        <translation>测试/沙箱 — 无效</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/review_page.py" line="+22"/>
        <location line="+55"/>
        <source>Review by SZCA</source>
        <extracomment>open the 盖章自检 page of the main window</extracomment>
        <translation>深圳CA审核</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Check status</source>
        <translation>查询状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seal self-check</source>
        <translation>盖章自检</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Self-check passed</source>
        <translation>自检已通过</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Checking…</source>
        <translation>正在检测…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not check; see the message above.</source>
        <translation>查询失败，请看上方的提示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checked at %1: still under review.</source>
        <translation>%1 已查询：仍在审核中。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Approved</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Under review; the result is expected by %1.</source>
        <translation>审核中，预计 %1 前出结果。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The review takes longer than usual; call 400-112-3838.</source>
        <translation>审核时间比通常长，请致电 400-112-3838。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your application was approved. The UKEY is on its way.</source>
        <translation>您的申请已审核通过，UKEY 正在寄送中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All done: the seal self-check passed.</source>
        <translation>全部完成：盖章自检已通过。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate serial: %1</source>
        <translation>证书序列号：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Courier: %1, tracking number %2</source>
        <translation>快递公司：%1，运单号 %2</translation>
    </message>
</context>
<context>
    <name>SaveAs</name>
    <message>
        <location filename="lupdate_supplement.py" line="+1"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a copy</source>
        <translation>保存副本</translation>
    </message>
</context>
<context>
    <name>SealPicture</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/seal_picture.py" line="+50"/>
        <source>Choose the seal image</source>
        <translation>选择印章图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Seal image: %1</source>
        <translation>印章图片：%1</translation>
    </message>
</context>
<context>
    <name>SealingSteps</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/sealing_steps.py" line="+110"/>
        <source>Looking for the UKEY…</source>
        <extracomment>output Path the flow stopped (success, error or cancel) a short status-bar message</extracomment>
        <translation>正在查找 UKEY…</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+3"/>
        <location line="+35"/>
        <source>Sealing cancelled</source>
        <translation>已取消盖章</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Save the sealed copy</source>
        <translation>保存盖章文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 already exists. Replace it with the sealed copy?</source>
        <translation>%1 已存在。要用盖章文件替换它吗？</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Sealing…</source>
        <translation>正在盖章…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sealing with the UKEY…</source>
        <translation>正在使用 UKEY 盖章…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sealing</source>
        <translation>盖章</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sealed: %1</source>
        <translation>已盖章：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sealing cancelled; nothing was written</source>
        <translation>已取消盖章，未写入任何文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sealing failed</source>
        <translation>盖章失败</translation>
    </message>
</context>
<context>
    <name>SelfCheckPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/page.py" line="+157"/>
        <source>No UKEY inserted</source>
        <extracomment>VerificationReport of the open file the VerificationDialog, before it is executed Path of a copy written by :meth:`save_copy`</extracomment>
        <translation>未插入 UKEY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert the UKEY to seal. It is noticed by itself.</source>
        <translation>请插入 UKEY 后盖章。插入后会自动识别。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UKEY: %1</source>
        <translation>UKEY：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PIN locked</source>
        <translation>PIN 码已锁定</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Password-protected PDF</source>
        <translation>受密码保护的 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong password. Enter it again:</source>
        <translation>密码错误，请重新输入：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This PDF is protected. Enter its password:</source>
        <translation>此 PDF 受密码保护，请输入密码：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Page %1: %2</source>
        <translation>第 %1 页：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copy saved: %1</source>
        <translation>副本已保存：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Click on the page to place the seal, or drag to size it. Enter places it mid-page; Esc cancels.</source>
        <translation>在页面上单击放置印章，或拖动调整大小。按 Enter 放在页面中央，按 Esc 取消。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sealing cancelled</source>
        <translation>已取消盖章</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Verifying…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Verifying the seal…</source>
        <translation>正在验证印章…</translation>
    </message>
</context>
<context>
    <name>SelfCheckToolbar</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/toolbar.py" line="+27"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a PDF document (Ctrl+O)</source>
        <translation>打开 PDF 文档（Ctrl+O）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place seal</source>
        <translation>盖章</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place the seal with the mouse, then sign with the UKEY (Ctrl+M)</source>
        <translation>用鼠标放置印章，然后用 UKEY 签名（Ctrl+M）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seal image…</source>
        <translation>印章图片…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a seal picture from a file instead of the default seal drawn from the certificate</source>
        <translation>使用文件中的印章图片，代替根据证书生成的默认印章</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default seal</source>
        <translation>默认印章</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify all</source>
        <translation>全部验证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Page </source>
        <translation>页码 </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to page</source>
        <translation>转到页</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/server_page.py" line="+32"/>
        <source>Where do you want to apply?</source>
        <translation>您要在哪里办理？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply with the online service of SZCA. To only try the program, choose the built-in sandbox instead. You can switch later.</source>
        <translation>通过深圳CA 的在线服务办理。如果只想试用本程序，请选择内置沙箱。以后可以随时切换。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the online service at:</source>
        <translation>使用在线服务，地址：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try with the built-in sandbox (test only)</source>
        <translation>使用内置沙箱试用（仅供测试）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is sent to SZCA. Every number, QR code and printout of the sandbox is marked “TEST / SANDBOX — NOT VALID” and is worth nothing.</source>
        <translation>不会向深圳CA 发送任何内容。沙箱中的所有单号、二维码和打印件都标有“测试/沙箱 — 无效”，不具任何效力。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter an https:// address.</source>
        <translation>请输入 https:// 开头的地址。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/pages/settings_page.py" line="+51"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Takes effect after restarting the program.</source>
        <translation>重新启动程序后生效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Online service address:</source>
        <translation>在线服务地址：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UKEY driver (PKCS#11 or SKF)</source>
        <translation>UKEY 驱动（PKCS#11 或 SKF）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic (search installed drivers)</source>
        <translation>自动（搜索已安装的驱动）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Driver file:</source>
        <translation>驱动文件：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test driver</source>
        <translation>测试驱动</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Trusted root certificates</source>
        <translation>信任的根证书</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add root certificate…</source>
        <translation>添加根证书…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trust the test (sandbox) CA</source>
        <translation>信任测试（沙箱）CA</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The UKEY is busy; try again in a moment.</source>
        <translation>UKEY 正忙，请稍后再试。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SKF driver</source>
        <translation>SKF 驱动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PKCS#11 driver</source>
        <translation>PKCS#11 驱动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the driver file is not there. Choose it again, or reinstall the driver.</source>
        <translation>驱动文件不存在。请重新选择，或重新安装驱动。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>works; no UKEY inserted</source>
        <translation>工作正常；未插入 UKEY</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>works; %n UKEY(s) inserted: %1</source>
        <translation>
            <numerusform>工作正常；已插入 %n 个 UKEY：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>UKEY drivers, PKCS#11 or SKF (*.dll *.so *.dylib);;All files (*)</source>
        <translation>UKEY 驱动，PKCS#11 或 SKF (*.dll *.so *.dylib);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Choose the UKEY driver</source>
        <translation>选择 UKEY 驱动</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add a root certificate</source>
        <translation>添加根证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.cer *.crt *.pem *.der);;All files (*)</source>
        <translation>证书 (*.cer *.crt *.pem *.der);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bundled root</source>
        <translation>内置根证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundled roots cannot be removed.</source>
        <translation>内置根证书不能删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove root?</source>
        <translation>删除根证书？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seals chained to this root will no longer show as valid. Remove it?</source>
        <translation>由此根证书签发的印章将不再显示为有效。确定删除吗？</translation>
    </message>
</context>
<context>
    <name>SignatureOverlay</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/signature_overlay.py" line="+38"/>
        <location line="+89"/>
        <source>Verify seal</source>
        <extracomment>field name</extracomment>
        <translation>验证印章</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Check this seal&apos;s signature</source>
        <translation>检查此印章的签名</translation>
    </message>
</context>
<context>
    <name>SignaturePanel</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/signature_panel.py" line="-69"/>
        <location line="+9"/>
        <source>Seals in this document</source>
        <translation>本文档中的印章</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tip: point at a seal on the page and click “Verify seal”.</source>
        <translation>提示：鼠标指向页面上的印章，点击“验证印章”。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This document has no seal yet.</source>
        <translation>本文档还没有印章。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All %1 seal(s) are valid.</source>
        <translation>全部 %1 个印章均有效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some seals are not valid. Click a seal for details.</source>
        <translation>部分印章无效。点击印章查看详情。</translation>
    </message>
</context>
<context>
    <name>StepsPanel</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/steps_panel.py" line="+105"/>
        <source>Next: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="lupdate_supplement.py" line="+1"/>
        <source>Progress</source>
        <translation>办理进度</translation>
    </message>
</context>
<context>
    <name>SupportPage</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/pages/support.py" line="+37"/>
        <source>Customer service</source>
        <translation>客户服务</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Service hotline:</source>
        <translation>客户服务热线：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Website:</source>
        <translation>官方网址：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Online service:</source>
        <translation>在线客服：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the website, top right: “Online service”</source>
        <translation>官网右上角“在线客服”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open online service</source>
        <translation>打开在线客服</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Driver download:</source>
        <translation>驱动下载：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>www.szca.com → Customer service → Driver download (CGN ECP project)</source>
        <translation>www.szca.com → 客户服务 → 驱动下载（中广核 ECP 项目）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>WeChat official accounts — scan to contact customer service</source>
        <translation>微信公众号 — 扫码联系客服</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enterprise service account</source>
        <translation>企业服务号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise subscription account</source>
        <translation>企业订阅号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online service</source>
        <translation>在线客服</translation>
    </message>
</context>
<context>
    <name>ThumbnailList</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/viewer/thumbnails.py" line="+54"/>
        <source>Page %1</source>
        <extracomment>logical pixels a thumbnail fits into</extracomment>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Page thumbnails</source>
        <translation>页面缩略图</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/ukey_dialogs.py" line="-112"/>
        <source>SM2</source>
        <translation>SM2 国密</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the UKEY certificate</source>
        <translation>选择 UKEY 证书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Several certificates can seal. Choose the one to use:</source>
        <translation>有多个证书可用于盖章，请选择要使用的证书：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — %2 (%3, valid until %4)</source>
        <translation>%1 — %2（%3，有效期至 %4）</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/selfcheck/verify_dialog.py" line="+58"/>
        <source>Verify seal</source>
        <translation>验证印章</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Signer organisation:</source>
        <translation>签名单位：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signer:</source>
        <translation>签名人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing time:</source>
        <translation>签名时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate serial:</source>
        <translation>证书序列号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer:</source>
        <translation>颁发者：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate validity:</source>
        <translation>证书有效期：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sealed content itself was altered</source>
        <translation>盖章内容本身已被篡改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature does not cover the whole file</source>
        <translation>签名未覆盖整个文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes after signing:</source>
        <translation>签名后的更改：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust anchor:</source>
        <translation>信任根：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Field: %1</source>
        <translation>签名域：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page: %1</source>
        <translation>页码：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Algorithms: %1</source>
        <translation>算法：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document intact: %1</source>
        <translation>文档完整：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Signature covers the whole file: %1</source>
        <translation>签名覆盖整个文件：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Findings:</source>
        <translation>检查结果：</translation>
    </message>
</context>
<context>
    <name>WizardText</name>
    <message>
        <location filename="lupdate_supplement.py" line="+1"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application form (signed and stamped)</source>
        <translation>数字证书申请表（签字盖章）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts left: %1</source>
        <translation>剩余 %1 次输入机会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorisation letter</source>
        <translation>授权书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank account (small deposit)</source>
        <translation>金融认证（打款）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate application</source>
        <translation>申请数字证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check and correct the six elements, then submit the verification again.</source>
        <translation>请核对并修改六要素后重新提交认证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact e-mail</source>
        <translation>联系人邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact mobile</source>
        <translation>联系人手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the corporate bank account.</source>
        <translation>请填写企业对公账户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the random code of the small deposit.</source>
        <translation>请输入小额打款的随机码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected by %1.</source>
        <translation>预计 %1 前完成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in</source>
        <translation>录入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the certificate application.</source>
        <translation>请填写数字证书申请信息。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the six elements and submit them.</source>
        <translation>请填写机构信息六要素并提交认证。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity check</source>
        <translation>身份认证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity check failed: %1</source>
        <translation>身份认证未通过：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice made out to %1, tax ID %2</source>
        <translation>发票抬头：%1，税号：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailing address</source>
        <translation>邮寄地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name on the seal</source>
        <translation>印章名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator&apos;s ID card (emblem side)</source>
        <translation>经办人身份证（国徽面）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator&apos;s ID card (photo side)</source>
        <translation>经办人身份证（人像面）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation address</source>
        <translation>机构地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation telephone</source>
        <translation>单位电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation verification</source>
        <translation>机构认证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay the fee with Alipay or WeChat.</source>
        <translation>请使用支付宝或微信缴费。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>缴费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment received; the application is under review.</source>
        <translation>已收到缴费，申请正在审核中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the application form</source>
        <translation>打印申请表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print, sign and stamp the forms, then upload them.</source>
        <translation>请打印表格，签字盖章后上传。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random code</source>
        <translation>随机码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient mobile</source>
        <translation>收件人手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register, or log in.</source>
        <translation>请注册或登录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected: %1</source>
        <translation>审核驳回：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected: %1. Correct it and submit again (no second payment).</source>
        <translation>审核驳回：%1；请修改后重新提交（无需再次缴费）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected: %1. Correct it and submit again.</source>
        <translation>审核驳回：%1；请修改后重新提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SZCA makes a small deposit to the corporate account by %1. When the SMS arrives, ask your finance department for the random code.</source>
        <translation>深圳CA将在 %1 前向对公账户小额打款，收到短信后请向财务查询随机码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SZCA reviews the application (3 working days).</source>
        <translation>深圳CA审核申请（3 个工作日）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SZCA will make a small deposit to the corporate account within 3 working days.</source>
        <translation>深圳CA将在 3 个工作日内向企业对公账户小额打款。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the QR code with the operator&apos;s WeChat.</source>
        <translation>请经办人用微信扫描二维码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal impression page</source>
        <translation>公章印模采集页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal self-check</source>
        <translation>盖章自检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Six elements</source>
        <translation>六要素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still to fill in: %1</source>
        <translation>待填写：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still to upload: %1</source>
        <translation>待上传：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier registration</source>
        <translation>供应商注册</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The QR code has expired. Make a new one and scan it with WeChat.</source>
        <translation>二维码已过期，请重新生成后用微信扫码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The UKEY is on its way by courier.</source>
        <translation>UKEY 正在快递寄送中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The deposit is later than expected. Please contact customer service.</source>
        <translation>已超过预计打款日期，请联系客服</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The identity check failed; see the reason and try again.</source>
        <translation>身份认证未通过，请查看原因后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The identity check has passed.</source>
        <translation>身份认证已通过。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The payment QR code has expired. Start the payment again.</source>
        <translation>支付二维码已失效，请重新发起缴费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The small deposit was made: enter the random code.</source>
        <translation>小额打款已完成，请输入随机码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This takes longer than usual: call 400-112-3838.</source>
        <translation>所需时间比通常长，请致电 400-112-3838。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many wrong random codes. Cancel the verification and start it again.</source>
        <translation>随机码输入错误次数过多，请取消认证后重新认证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UKEY delivery</source>
        <translation>UKEY寄送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UKEY recipient</source>
        <translation>UKEY 收件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload materials</source>
        <translation>上传资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload the materials and submit the application.</source>
        <translation>请上传资料并提交申请。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for the deposit SMS, then ask your finance department for the code.</source>
        <translation>请等待打款通知短信，然后联系贵公司财务人员查询随机码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for the review result.</source>
        <translation>请等待审核结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the operator to scan the QR code with WeChat.</source>
        <translation>等待经办人用微信扫描二维码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the payment.</source>
        <translation>等待缴费。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the UKEY arrives, be sure to do the seal self-check.</source>
        <translation>收到 UKEY 后，请务必进行电子印章盖章自检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the UKEY arrives, do the seal self-check.</source>
        <translation>收到 UKEY 后，请进行盖章自检。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your certificate application was approved; the UKEY is being shipped.</source>
        <translation>您的数字证书申请已审核通过，UKEY 正在寄送中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your certificate application was rejected; please correct and resubmit.</source>
        <translation>您的数字证书申请被驳回，请修改后重新提交。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>please try again</source>
        <translation>请重试</translation>
    </message>
</context>
<context>
    <name>WizardWidget</name>
    <message>
        <location filename="../cgn_seal_desktop/ui/wizard/widget.py" line="+110"/>
        <source>Change server…</source>
        <extracomment>the user wants the 盖章自检 (seal self-check) page the user wants the customer service page (客户服务支持) a long wait ended; the text shown in the page and the tray</extracomment>
        <translation>切换服务器…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact customer service</source>
        <translation>联系客服</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;TEST / SANDBOX — NOT VALID.&lt;/b&gt; This is the built-in sandbox: nothing reaches SZCA, and every number, QR code, printout and certificate here is test data.</source>
        <translation>&lt;b&gt;测试/沙箱 — 无效。&lt;/b&gt;这是内置沙箱：不会向深圳CA 发送任何内容，这里的所有单号、二维码、打印件和证书都是测试数据。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Starting the built-in sandbox…</source>
        <translation>正在启动内置沙箱…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built-in sandbox (test data only)</source>
        <translation>内置沙箱（仅测试数据）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Service: %1</source>
        <translation>服务：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Built-in sandbox (test data only) at %1</source>
        <translation>内置沙箱（仅测试数据），地址 %1</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Certificate application</source>
        <translation>数字证书申请</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>Operator page…</source>
        <translation>操作员控制台…</translation>
    </message>
</context>
</TS>
